"""The default vocabulary the platform starts with.

Names are given per language as ``(de, en, tr, ar, ru, uk)``; district names are
proper names and stay German in every language (the German fallback shows them).
``services.taxonomy_defaults_load`` creates what is missing and never overwrites
what an administrator has changed.
"""

LANGS = ("de", "en", "tr", "ar", "ru", "uk")

# slug, names, parent slug (sub-fields only)
FIELDS_OF_ACTIVITY = [
    ("youth", ("Jugend", "Youth", "Gençlik", "الشباب", "Молодёжь", "Молодь"), None),
    (
        "culture",
        ("Kultur", "Culture", "Kültür", "الثقافة", "Культура", "Культура"),
        None,
    ),
    ("sport", ("Sport", "Sport", "Spor", "الرياضة", "Спорт", "Спорт"), None),
    (
        "parents-associations",
        (
            "Elternvereine",
            "Parents' associations",
            "Veli dernekleri",
            "جمعيات أولياء الأمور",
            "Родительские объединения",
            "Батьківські об'єднання",
        ),
        None,
    ),
    (
        "education",
        (
            "Bildung und Hausaufgabenhilfe",
            "Education and homework help",
            "Eğitim ve ödev yardımı",
            "التعليم والمساعدة في الواجبات المدرسية",
            "Образование и помощь с домашними заданиями",
            "Освіта та допомога з домашніми завданнями",
        ),
        None,
    ),
    (
        "religion",
        (
            "Religion und interreligiöser Dialog",
            "Religion and interreligious dialogue",
            "Din ve dinlerarası diyalog",
            "الدين والحوار بين الأديان",
            "Религия и межрелигиозный диалог",
            "Релігія та міжрелігійний діалог",
        ),
        None,
    ),
    ("women", ("Frauen", "Women", "Kadınlar", "النساء", "Женщины", "Жінки"), None),
    (
        "seniors",
        (
            "Seniorinnen und Senioren",
            "Seniors",
            "Yaşlılar",
            "كبار السن",
            "Пожилые люди",
            "Люди похилого віку",
        ),
        None,
    ),
    (
        "counselling",
        (
            "Beratung und Integrationshilfe",
            "Counselling and integration help",
            "Danışmanlık ve uyum desteği",
            "الاستشارة والمساعدة على الاندماج",
            "Консультации и помощь в интеграции",
            "Консультації та допомога в інтеграції",
        ),
        None,
    ),
    (
        "environment",
        ("Umwelt", "Environment", "Çevre", "البيئة", "Экология", "Довкілля"),
        None,
    ),
    (
        "neighbourhood",
        (
            "Nachbarschaft und Stadtteilarbeit",
            "Neighbourhood and district work",
            "Komşuluk ve mahalle çalışması",
            "الجوار والعمل في الأحياء",
            "Соседство и работа в районе",
            "Сусідство та робота в районі",
        ),
        None,
    ),
    ("music", ("Musik", "Music", "Müzik", "الموسيقى", "Музыка", "Музика"), "culture"),
    ("dance", ("Tanz", "Dance", "Dans", "الرقص", "Танцы", "Танці"), "culture"),
    (
        "football",
        ("Fußball", "Football", "Futbol", "كرة القدم", "Футбол", "Футбол"),
        "sport",
    ),
    (
        "language-courses",
        (
            "Sprachkurse",
            "Language courses",
            "Dil kursları",
            "دورات اللغة",
            "Языковые курсы",
            "Мовні курси",
        ),
        "education",
    ),
]

TARGET_GROUPS = [
    ("children", ("Kinder", "Children", "Çocuklar", "الأطفال", "Дети", "Діти")),
    (
        "young-people",
        ("Jugendliche", "Young people", "Gençler", "اليافعون", "Молодёжь", "Молодь"),
    ),
    (
        "parents",
        ("Eltern", "Parents", "Ebeveynler", "الآباء والأمهات", "Родители", "Батьки"),
    ),
    ("women", ("Frauen", "Women", "Kadınlar", "النساء", "Женщины", "Жінки")),
    (
        "seniors",
        (
            "Seniorinnen und Senioren",
            "Seniors",
            "Yaşlılar",
            "كبار السن",
            "Пожилые люди",
            "Люди похилого віку",
        ),
    ),
    (
        "newcomers",
        (
            "Neuzugewanderte",
            "Newcomers",
            "Yeni gelenler",
            "القادمون الجدد",
            "Недавно прибывшие",
            "Новоприбулі",
        ),
    ),
    ("families", ("Familien", "Families", "Aileler", "العائلات", "Семьи", "Сім'ї")),
    (
        "refugees",
        ("Geflüchtete", "Refugees", "Mülteciler", "اللاجئون", "Беженцы", "Біженці"),
    ),
    (
        "students",
        (
            "Studierende",
            "Students",
            "Üniversite öğrencileri",
            "الطلاب الجامعيون",
            "Студенты",
            "Студенти",
        ),
    ),
]

# ISO 639-1 code, native name, names
CLUB_LANGUAGES = [
    (
        "de",
        "Deutsch",
        ("Deutsch", "German", "Almanca", "الألمانية", "Немецкий", "Німецька"),
    ),
    (
        "en",
        "English",
        ("Englisch", "English", "İngilizce", "الإنجليزية", "Английский", "Англійська"),
    ),
    (
        "tr",
        "Türkçe",
        ("Türkisch", "Turkish", "Türkçe", "التركية", "Турецкий", "Турецька"),
    ),
    (
        "ar",
        "العربية",
        ("Arabisch", "Arabic", "Arapça", "العربية", "Арабский", "Арабська"),
    ),
    (
        "ru",
        "Русский",
        ("Russisch", "Russian", "Rusça", "الروسية", "Русский", "Російська"),
    ),
    (
        "uk",
        "Українська",
        (
            "Ukrainisch",
            "Ukrainian",
            "Ukraynaca",
            "الأوكرانية",
            "Украинский",
            "Українська",
        ),
    ),
    (
        "pl",
        "Polski",
        ("Polnisch", "Polish", "Lehçe", "البولندية", "Польский", "Польська"),
    ),
    (
        "fa",
        "فارسی",
        ("Persisch", "Persian", "Farsça", "الفارسية", "Персидский", "Перська"),
    ),
    (
        "ku",
        "Kurdî",
        ("Kurdisch", "Kurdish", "Kürtçe", "الكردية", "Курдский", "Курдська"),
    ),
    (
        "fr",
        "Français",
        ("Französisch", "French", "Fransızca", "الفرنسية", "Французский", "Французька"),
    ),
    (
        "es",
        "Español",
        ("Spanisch", "Spanish", "İspanyolca", "الإسبانية", "Испанский", "Іспанська"),
    ),
    (
        "sq",
        "Shqip",
        ("Albanisch", "Albanian", "Arnavutça", "الألبانية", "Албанский", "Албанська"),
    ),
    (
        "ro",
        "Română",
        ("Rumänisch", "Romanian", "Rumence", "الرومانية", "Румынский", "Румунська"),
    ),
    (
        "bg",
        "Български",
        (
            "Bulgarisch",
            "Bulgarian",
            "Bulgarca",
            "البلغارية",
            "Болгарский",
            "Болгарська",
        ),
    ),
    (
        "vi",
        "Tiếng Việt",
        (
            "Vietnamesisch",
            "Vietnamese",
            "Vietnamca",
            "الفيتنامية",
            "Вьетнамский",
            "В'єтнамська",
        ),
    ),
]

ORGANISATION_KINDS = [
    (
        "registered-association",
        (
            "Eingetragener Verein (e. V.)",
            "Registered association",
            "Tescilli dernek",
            "جمعية مسجلة",
            "Зарегистрированное общество",
            "Зареєстроване об'єднання",
        ),
    ),
    (
        "initiative",
        ("Initiative", "Initiative", "Girişim", "مبادرة", "Инициатива", "Ініціатива"),
    ),
    (
        "religious-community-association",
        (
            "Verein einer Religionsgemeinschaft",
            "Religious community's association",
            "Dini cemaat derneği",
            "جمعية تابعة لطائفة دينية",
            "Объединение религиозной общины",
            "Об'єднання релігійної громади",
        ),
    ),
    (
        "umbrella-organisation",
        (
            "Dachverband",
            "Umbrella organisation",
            "Çatı örgütü",
            "منظمة جامعة",
            "Зонтичная организация",
            "Парасолькова організація",
        ),
    ),
    ("network", ("Netzwerk", "Network", "Ağ", "شبكة", "Сеть", "Мережа")),
]

# slug, names, German and English description
MIGRATION_REFERENCES = [
    (
        "with",
        (
            "Mit Migrationsbezug",
            "With migration background",
            "Göçmen kökenli",
            "ذو خلفية هجرة",
            "С миграционной историей",
            "З міграційною історією",
        ),
        (
            "Von Menschen mit Einwanderungsgeschichte gegründet oder getragen.",
            "Founded or run by people with a migration history.",
        ),
    ),
    (
        "without",
        (
            "Ohne Migrationsbezug",
            "Without migration background",
            "Göçmen kökenli olmayan",
            "بدون خلفية هجرة",
            "Без миграционной истории",
            "Без міграційної історії",
        ),
        (
            "Ohne besonderen Bezug zu Einwanderung.",
            "No particular connection to migration.",
        ),
    ),
    (
        "mixed",
        ("Gemischt", "Mixed", "Karma", "مختلط", "Смешанный состав", "Змішаний склад"),
        (
            "Mitglieder mit und ohne Einwanderungsgeschichte.",
            "Members with and without a migration history.",
        ),
    ),
]

# region slug -> (districts of the city, surrounding municipalities)
DISTRICTS = {
    "dortmund": (
        [
            "Innenstadt-West",
            "Innenstadt-Nord",
            "Innenstadt-Ost",
            "Eving",
            "Scharnhorst",
            "Brackel",
            "Aplerbeck",
            "Hörde",
            "Hombruch",
            "Lütgendortmund",
            "Huckarde",
            "Mengede",
        ],
        [],
    ),
    "potsdam": (
        [
            "Potsdam-Mitte",
            "Babelsberg",
            "Potsdam West",
            "Bornstedt",
            "Drewitz",
            "Schlaatz",
            "Waldstadt",
            "Am Stern",
            "Kirchsteigfeld",
        ],
        [
            "Werder (Havel)",
            "Teltow",
            "Kleinmachnow",
            "Stahnsdorf",
            "Michendorf",
            "Schwielowsee",
            "Beelitz",
        ],
    ),
    "halle": (
        [
            "Altstadt",
            "Paulusviertel",
            "Giebichenstein",
            "Neustadt",
            "Silberhöhe",
            "Südstadt",
            "Heide-Nord",
            "Trotha",
            "Ammendorf",
            "Kröllwitz",
        ],
        ["Landsberg", "Teutschenthal", "Kabelsketal", "Salzatal", "Petersberg"],
    ),
}
