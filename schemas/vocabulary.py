"""Controlled vocabularies of the common schema. Names are a contract (DESIGN.md)."""

TECHNOLOGIES = {
    "mobile_fingerprint_scanner": "Handheld biometric scanners checking fingerprints against IDENT1 and IABS",
    "knife_arch": "Walk-through metal detectors (knife arches)",
    "knife_wand": "Hand-held metal detectors (knife wands, search wands)",
    "phone_extraction": "Mobile phone data extraction: self-service kiosks, hubs, forensic labs",
}

MEASURES = {
    "devices_deployed": "Devices newly put into service during the period",
    "devices_in_service": "Devices held at the end of the period, or at the date given",
    "uses": "Times the technology was used: scanner searches, arch or wand scans, phone extractions",
    "failed_uses": "Uses that failed (e.g. failed extractions)",
    "people": "Distinct people subjected to it",
    "matches": "Uses that returned a match; breakdown = database says which database",
    "weapons_found": "Offensive weapons found through it",
    "share_of_uses": "Percentage of uses, with a breakdown (e.g. device_owner_role)",
    "devices_awaiting_examination": "Seized devices waiting for forensic examination at a date",
}

BREAKDOWNS = {
    "none": None,
    "database": {"police", "immigration"},
    "device_owner_role": {"suspect", "victim", "witness"},
    "borough": None,
    "age": None,
    "gender": None,
    "ethnicity": None,
}

UNITS = ("count", "percent")
QUALIFIERS = ("exact", "approximate", "partial_coverage", "planned")
STATUSES = (
    "disclosed",
    "partially_disclosed",
    "not_held",
    "refused",
    "cost_limit",
    "neither_confirm_nor_deny",
    "no_response",
)
SOURCE_KINDS = ("document", "transcription", "compilation")
COUNTRIES = ("England", "Wales", "Scotland", "Northern Ireland", "Great Britain", "United Kingdom")
FORCE_KINDS = ("territorial", "special")

# Exemptions as the Act cites them, several joined by ";": s12, s31(1), s40(2), s24(1)...
EXEMPTIONS_PATTERN = r"^s\d+(\(\d+\))*(\([a-z]\))?(;s\d+(\(\d+\))*(\([a-z]\))?)*$"
ISO_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
