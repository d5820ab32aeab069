"""The default topics of training materials, per language ``(de, en, tr, ar, ru, uk)``.

``services.topics_defaults_load`` creates what is missing and never overwrites
what an administrator has changed (the same rule as the club taxonomy).
"""

LANGS = ("de", "en", "tr", "ar", "ru", "uk")

TOPICS = [
    (
        "intercultural-communication",
        (
            "Interkulturelle Kommunikation",
            "Intercultural communication",
            "Kültürlerarası iletişim",
            "التواصل بين الثقافات",
            "Межкультурная коммуникация",
            "Міжкультурна комунікація",
        ),
    ),
    (
        "conflicts",
        (
            "Konflikte",
            "Conflicts",
            "Çatışmalar",
            "النزاعات",
            "Конфликты",
            "Конфлікти",
        ),
    ),
    (
        "anti-discrimination",
        (
            "Antidiskriminierung",
            "Anti-discrimination",
            "Ayrımcılıkla mücadele",
            "مكافحة التمييز",
            "Противодействие дискриминации",
            "Протидія дискримінації",
        ),
    ),
    (
        "club-management",
        (
            "Vereinsmanagement",
            "Club management",
            "Dernek yönetimi",
            "إدارة الجمعيات",
            "Управление объединением",
            "Управління об'єднанням",
        ),
    ),
    (
        "cooperation",
        (
            "Kooperation",
            "Cooperation",
            "İş birliği",
            "التعاون",
            "Сотрудничество",
            "Співпраця",
        ),
    ),
    (
        "funding",
        (
            "Förderung und Anträge",
            "Funding and applications",
            "Destek ve başvurular",
            "التمويل والطلبات",
            "Финансирование и заявки",
            "Фінансування та заявки",
        ),
    ),
    (
        "volunteering",
        (
            "Ehrenamt",
            "Volunteering",
            "Gönüllülük",
            "العمل التطوعي",
            "Волонтёрство",
            "Волонтерство",
        ),
    ),
    (
        "public-relations",
        (
            "Öffentlichkeitsarbeit",
            "Public relations",
            "Halkla ilişkiler",
            "العلاقات العامة",
            "Связи с общественностью",
            "Зв'язки з громадськістю",
        ),
    ),
    (
        "participation",
        (
            "Teilhabe und Beteiligung",
            "Participation",
            "Katılım",
            "المشاركة",
            "Участие",
            "Участь",
        ),
    ),
]
