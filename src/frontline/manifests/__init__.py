"""Passenger manifests: UN/EDIFACT PAXLST (parsed here, without I/O), JSON lines and CSV."""

from frontline.manifests.model import Leg, Manifest, ManifestWarning, TravelDocumentEntry, Traveller
from frontline.manifests.paxlst import looks_like_paxlst, parse_paxlst

__all__ = [
    "Leg",
    "Manifest",
    "ManifestWarning",
    "TravelDocumentEntry",
    "Traveller",
    "looks_like_paxlst",
    "parse_paxlst",
]
