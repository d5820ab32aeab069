"""Regional page types, one module per area (cfgov's layout)."""

from cms.pages.models.clubs import ClubIndexPage, ClubLink, ClubPortraitPage
from cms.pages.models.events import EventIndexPage, EventPage, EventRegistration
from cms.pages.models.home import HomePage
from cms.pages.models.materials import MaterialLibraryPage
from cms.pages.models.standard import StandardPage
from cms.pages.models.stories import StoryIndexPage, StoryPage
from cms.pages.models.translations import MachineTranslation

__all__ = [
    "ClubIndexPage",
    "ClubLink",
    "ClubPortraitPage",
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "HomePage",
    "MaterialLibraryPage",
    "MachineTranslation",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
]
