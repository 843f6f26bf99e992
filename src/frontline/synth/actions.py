"""What an officer is asked to do, and why a record exists: the texts of the synthetic world.

Actions are written for the officer at the border, in the imperative, one or two sentences.
"""

from __future__ import annotations

from frontline.domain.records import DocumentStatus, NoticeType, ObjectStatus

__all__ = [
    "DOCUMENT_ACTIONS",
    "FIREARM_ACTIONS",
    "NOTICE_ACTIONS",
    "NOTICE_REASONS",
    "VEHICLE_ACTIONS",
    "VESSEL_ACTIONS",
]

DOCUMENT_ACTIONS: dict[DocumentStatus, str] = {
    DocumentStatus.STOLEN: (
        "Seize the document and contact the issuing bureau; do not return it to the holder."
    ),
    DocumentStatus.LOST: (
        "Retain the document and contact the issuing bureau: establish whether the holder is "
        "its rightful owner before returning it."
    ),
    DocumentStatus.STOLEN_BLANK: (
        "Seize the document: it was stolen blank, so its personal data are forged. Hold the "
        "traveller for questioning and contact the issuing bureau."
    ),
    DocumentStatus.REVOKED: (
        "Seize the document, which the issuing authority has revoked, and contact the issuing "
        "bureau before letting the holder travel."
    ),
    DocumentStatus.INVALID: (
        "Do not accept the document for travel; retain it and contact the issuing bureau."
    ),
}

NOTICE_ACTIONS: dict[NoticeType, str] = {
    NoticeType.RED: (
        "Locate and provisionally arrest pending extradition; contact the requesting bureau "
        "immediately."
    ),
    NoticeType.YELLOW: "Do not alarm the person; ensure their safety and inform the bureau.",
    NoticeType.BLUE: (
        "Do not detain on this notice; record the person's whereabouts, travel details and "
        "companions and inform the bureau."
    ),
    NoticeType.BLACK: (
        "Verify the traveller's identity thoroughly: it may be the identity of a deceased "
        "person. Inform the bureau of any match."
    ),
    NoticeType.GREEN: (
        "Do not detain on this notice alone; carry out a thorough check and inform the bureau "
        "of the person's movements."
    ),
    NoticeType.ORANGE: (
        "Treat with caution: the person may pose an imminent threat. Alert your supervisor "
        "and inform the bureau immediately."
    ),
    NoticeType.PURPLE: (
        "Search the person's luggage and vehicle for the concealment method described and "
        "inform the bureau of any finding."
    ),
    NoticeType.UN_SPECIAL: (
        "Refuse entry or transit under the UN Security Council travel ban unless an exemption "
        "applies; inform the bureau."
    ),
    NoticeType.DIFFUSION: (
        "Confirm with the requesting bureau that the request is still valid before acting; "
        "then locate the person and report their whereabouts."
    ),
    NoticeType.NOMINAL: (
        "For information: record the check and inform the bureau; take no action against "
        "the person on this record alone."
    ),
}

NOTICE_REASONS: dict[NoticeType, tuple[str, ...]] = {
    NoticeType.RED: (
        "Wanted for prosecution: armed robbery.",
        "Wanted for prosecution: murder.",
        "Wanted for prosecution: drug trafficking.",
        "Wanted for prosecution: trafficking in human beings.",
        "Wanted for prosecution: money laundering and fraud.",
        "Wanted to serve a sentence: participation in a criminal organisation.",
        "Wanted to serve a sentence: aggravated burglary.",
    ),
    NoticeType.YELLOW: (
        "Missing person: minor, missing since leaving school.",
        "Missing person: adult, possibly vulnerable, last seen near the border.",
        "Missing person: possible victim of parental abduction.",
        "Missing person: possible victim of human trafficking.",
    ),
    NoticeType.BLUE: (
        "Sought to establish identity and whereabouts: witness in a homicide investigation.",
        "Sought to locate: suspect in a fraud investigation.",
        "Sought for information on activities in relation to a firearms trafficking case.",
    ),
    NoticeType.BLACK: (
        "Unidentified body found at sea; identity presumed from documents found with it.",
        "Unidentified body found after a road accident; identity presumed from a document.",
    ),
    NoticeType.GREEN: (
        "Warning: repeat offender, sexual offences against minors.",
        "Warning: known member of an organised vehicle theft network.",
        "Warning: repeat offender, fraud against elderly people.",
    ),
    NoticeType.ORANGE: (
        "Imminent threat: has expertise in improvised explosive devices.",
        "Imminent threat: escaped from custody, considered armed and dangerous.",
    ),
    NoticeType.PURPLE: (
        "Modus operandi: drugs concealed in the fuel tank of rented vehicles.",
        "Modus operandi: counterfeit banknotes concealed in tourist souvenirs.",
    ),
    NoticeType.UN_SPECIAL: (
        "Subject to UN Security Council sanctions: travel ban and asset freeze.",
    ),
    NoticeType.DIFFUSION: (
        "Diffusion: sought for arrest in connection with fraud.",
        "Diffusion: sought to locate a suspect in an assault case.",
        "Diffusion: sought for arrest in connection with smuggling of migrants.",
    ),
    NoticeType.NOMINAL: (
        "Nominal data: convicted of drug trafficking.",
        "Nominal data: convicted of document fraud.",
        "Nominal data: suspected of cigarette smuggling.",
    ),
}

VEHICLE_ACTIONS: dict[ObjectStatus, str] = {
    ObjectStatus.STOLEN: (
        "Stop the vehicle, secure it with its keys and papers, and contact the owning bureau "
        "to confirm the theft."
    ),
    ObjectStatus.LOST: (
        "Secure the vehicle and contact the owning bureau to establish who may take it."
    ),
    ObjectStatus.WANTED: (
        "Do not stop the vehicle alone; record its position, direction and occupants and "
        "inform the owning bureau."
    ),
}

VESSEL_ACTIONS: dict[ObjectStatus, str] = {
    ObjectStatus.STOLEN: (
        "Detain the vessel and secure it; contact the owning bureau to confirm the theft."
    ),
    ObjectStatus.LOST: (
        "Report the vessel's position and condition to the owning bureau; it may have been "
        "adrift or salvaged."
    ),
    ObjectStatus.WANTED: (
        "Do not board alone; report the vessel's position, course and crew to the owning bureau."
    ),
}

FIREARM_ACTIONS: dict[ObjectStatus, str] = {
    ObjectStatus.STOLEN: (
        "Seize the firearm, make it safe and contact the owning bureau to confirm the theft."
    ),
    ObjectStatus.LOST: (
        "Seize the firearm, make it safe and contact the owning bureau; establish how the "
        "holder came to have it."
    ),
    ObjectStatus.WANTED: (
        "Seize the firearm, make it safe and preserve it for forensic examination; inform the "
        "owning bureau immediately."
    ),
}
