"""Off duty after the shift: a short evening on the same street, where the department's rules
still apply and every hour spent costs rest.

Each choice is a typed ``EveningOption``: what it is, how many hours of rest it
takes, the policy it breaks (if any) and what the trainee and the debrief are
told. The consequences arrive the next morning through the carry: a breach is
recorded on the next shift like any other (so the policy part of its score
shows it), the residents concerned hear of it, and a short night makes the
officer less patient (``tired_backfire_factor`` per hour of rest missed).
Only choices that look generous and are not, or are but cost rest, are on
offer: the trade-off is the point.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

CONFLICT_OF_INTEREST = "conflict_of_interest"
SOCIAL_MEDIA = "social_media"


class Audience(Enum):
    """Whose trust an evening choice moves the next morning."""

    NOBODY = "nobody"
    MET = "met"  # the residents the officer knows best (the ones a post would feature)
    STREET = "street"  # everyone: word gets around


class EveningChoice(Enum):
    REST = "rest"
    PLAIN_CLOTHES_VISIT = "plain_clothes_visit"
    PERSONAL_POST_WITH_CONSENT = "personal_post_with_consent"
    SHIFT_FOOTAGE_POST = "shift_footage_post"
    POST_KIDS_WITHOUT_CONSENT = "post_kids_without_consent"
    BUSINESS_DONATION = "business_donation"
    PATROL_CAR_ERRAND = "patrol_car_errand"
    DONATION_FOR_FAVOURS = "donation_for_favours"


@dataclass(frozen=True)
class EveningOption:
    choice: EveningChoice
    label: str  # what the menu says
    rest_hours: float  # hours of sleep it costs
    audience: Audience
    quality: float  # the contact it is to each resident of its audience (-1..1)
    policy: str | None  # the rule it breaks
    consequence: str  # what the trainee reads at once, and the debrief explains


EVENING: tuple[EveningOption, ...] = (
    EveningOption(EveningChoice.REST, "Go home and sleep", 0.0, Audience.NOBODY, 0.0, None,
                  "A full night's sleep: you start tomorrow rested."),
    EveningOption(EveningChoice.PLAIN_CLOTHES_VISIT,
                  "Go back in plain clothes for the kids' water fight with your own water guns",
                  2.0, Audience.MET, 0.3, None,
                  "Off duty and on your own time: the neighbours you know see you as a person. "
                  "It costs two hours of sleep."),
    EveningOption(EveningChoice.PERSONAL_POST_WITH_CONSENT,
                  "Post tonight's visit on your personal page, with everyone's consent", 1.0,
                  Audience.MET, 0.2, None,
                  "Allowed: off duty, on your own page, and the people in it (and the parents of "
                  "the children) said yes."),
    EveningOption(EveningChoice.SHIFT_FOOTAGE_POST,
                  "Post this afternoon's body-camera clip to your followers", 1.0, Audience.NOBODY,
                  0.0, SOCIAL_MEDIA,
                  "Footage from on duty is department business: posting it needs the "
                  "media-relations office's approval, wherever you post it."),
    EveningOption(EveningChoice.POST_KIDS_WITHOUT_CONSENT,
                  "Post the kids' water fight now and ask the parents tomorrow", 1.0, Audience.MET,
                  -0.4, SOCIAL_MEDIA,
                  "Featuring residents needs their consent first, and children's parents': some "
                  "children must not be online at all."),
    EveningOption(EveningChoice.BUSINESS_DONATION,
                  "Take the corner store's $500 for your charity's summer drive", 1.0,
                  Audience.STREET, -0.2, CONFLICT_OF_INTEREST,
                  "Your charity may not take money from a business you police: the street "
                  "wonders who gets the faster response now."),
    EveningOption(EveningChoice.PATROL_CAR_ERRAND,
                  "Run the charity's supplies over in the patrol car", 1.0, Audience.NOBODY, 0.0,
                  CONFLICT_OF_INTEREST,
                  "The patrol car and department time are not for your charity, however good "
                  "the cause."),
    EveningOption(EveningChoice.DONATION_FOR_FAVOURS,
                  "Tell a donor you'll keep an extra eye on his shop", 1.0, Audience.STREET, -0.3,
                  CONFLICT_OF_INTEREST,
                  "Promising favours for donations sells what belongs to everyone: the rest of "
                  "the street hears about it."),
)
OPTIONS = {o.choice: o for o in EVENING}
MAX_CHOICES = 2  # an evening is short: at most this many things besides sleep
MET_RESIDENTS = 3  # a post or a visit features the residents the officer knows best


def option(choice: EveningChoice) -> EveningOption:
    return OPTIONS[choice]


def rest_missed(choices: tuple[EveningChoice, ...]) -> float:
    """Hours of sleep the evening cost."""
    return sum(OPTIONS[c].rest_hours for c in choices)
