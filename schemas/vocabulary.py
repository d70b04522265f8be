"""Controlled vocabularies of the common schema. Names are a contract (DESIGN.md; docs/formats.md
says how each is written, docs/schema.md lists them all): values are added where the data needs
them, never renamed."""

TECHNOLOGIES = {
    "mobile_fingerprint_scanner": "Handheld biometric scanners checking fingerprints against "
    "IDENT1 and IABS",
    "knife_arch": "Walk-through metal detectors (knife arches)",
    "knife_wand": "Hand-held metal detectors (knife wands, search wands)",
    "phone_extraction": "Mobile phone data extraction: self-service kiosks, hubs, forensic labs",
    "digital_forensics": "The examination of every kind of seized digital device (phones, "
    "computers, tablets, storage): backlogs, devices examined, time to examination, staff",
}
# The technologies' ids by a short name, for code that names one (adapters, the campaign).
SCANNER, ARCH, WAND, PHONES, DIGITAL_FORENSICS = TECHNOLOGIES

MEASURES = {
    "devices_deployed": "Devices newly put into service during the period",
    "devices_in_service": "Devices held at the end of the period, or at the date given",
    "uses": "Times the technology was used: scanner searches, arch or wand scans, phone "
    "extractions",
    "failed_uses": "Uses that failed (e.g. failed extractions)",
    "people": "Distinct people subjected to it",
    "matches": "Uses that returned a match; breakdown = database says which database",
    "weapons_found": "Offensive weapons found through it",
    "share_of_uses": "Percentage of uses, with a breakdown (e.g. device_owner_role)",
    "devices_awaiting_examination": "Seized devices waiting for forensic examination at a date",
    # Added for transcriptions and compilations:
    "in_use": "Whether the force used the technology at the date or in the period (yes/no: unit "
    "yes_no)",
    "trialled": "Whether the force trialled the technology in the period (yes/no: unit yes_no; "
    "an announced trial is qualifier planned)",
    "devices_seized": "Digital devices seized or recovered as evidence during the period",
    "arrests": "Uses that led to an arrest",
    "referrals": "Uses after which the person was referred to another body (e.g. the Home Office "
    "after an immigration match)",
    "time_to_examination": "How long seized devices wait for, or take to, forensic examination "
    "(averages, time to clear a backlog)",
    "spend": "Money spent in the period (unit gbp), broken down by supplier or product where given",
    "staff": "Staff or contractors assigned (e.g. to digital forensics) at a date",
    "planned_adoption": "A stated plan to adopt the technology (yes/no: unit yes_no; the date in "
    "the period)",
    # Requests for documents or names: outcomes only (disclosed, refused...), never numbers.
    "policy_document": "A policy, procedure or guidance document on the technology (outcomes only)",
    "impact_assessment": "A data protection, equality or privacy impact assessment (outcomes only)",
    "supplier": "The names of suppliers, products or contracts (outcomes only)",
}

# Measures that are a yes/no finding, not a count: value 1 is yes, 0 is no, unit yes_no.
YES_NO_MEASURES = ("in_use", "trialled", "planned_adoption")
# Measures that a request can ask about but that are never a number: outcomes only.
OUTCOME_ONLY_MEASURES = ("policy_document", "impact_assessment", "supplier")
# The unit a measure's figures must have, where only one fits.
MEASURE_UNITS = {**{measure: "yes_no" for measure in YES_NO_MEASURES}, "spend": "gbp"}

# A breakdown's allowed values, or None where they are open (boroughs, offences...).
BREAKDOWNS = {
    "none": None,
    "database": {"police", "immigration"},
    "device_owner_role": {"suspect", "victim", "witness"},
    "borough": None,
    "age": None,
    "gender": None,
    "ethnicity": None,
    # Added for transcriptions and compilations:
    "search_reason": None,  # why a scanner search was made, e.g. immigration
    "location": None,  # where the technology was used, outside London's boroughs
    "nationality": None,
    "device_type": None,  # phone, computer, tablet...
    "offence": None,  # the crime type a device or search relates to
    "extraction_method": {"kiosk", "hub", "lab", "cloud", "analytics", "field_kit"},
    "time_to_examination": None,  # e.g. within_3_months, 3_to_12_months, over_12_months
    "visa_status": None,  # e.g. visa holder, overstayer, settled status
    "follow_up": {"arrested", "detained", "deported", "referred"},  # what followed a use
}

UNITS = ("count", "percent", "yes_no", "gbp")
QUALIFIERS = ("exact", "approximate", "partial_coverage", "planned", "provisional")
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
# A response with several sources lists them in source_kind, joined by this.
SOURCE_KIND_SEPARATOR = ";"
TEXT_SOURCES = ("extracted", "ocr")
PRIMARY_SOURCE_KINDS = frozenset({"document", "transcription"})  # the force's own responses
COUNTRIES = ("England", "Wales", "Scotland", "Northern Ireland", "Great Britain", "United Kingdom")
FORCE_KINDS = ("territorial", "special")
# The ONS Police Force Area code's prefix in each country that has them.
ONS_PREFIXES = {"England": "E23", "Wales": "W15", "Scotland": "S23"}

# The sections of the Acts an outcome cites: 12 (the cost limit), 14 (vexatious or repeated
# requests) and the exemptions (21 to 44 of FOIA; 25 to 41 of Scotland's FOISA). The others
# (section 17's refusal notice, section 1's duty to confirm) are the Acts' machinery.
EXEMPTION_SECTIONS = (12, 14, *range(21, 45))
_SECTION = "(?:" + "|".join(map(str, EXEMPTION_SECTIONS)) + r")(\(\d+\))*(\([a-z]\))?"
# Exemptions as the Act cites them, several joined by ";": s12, s31(1), s40(2), s24(1)...
EXEMPTIONS_PATTERN = rf"^s{_SECTION}(;s{_SECTION})*$"
ISO_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
WEB_ADDRESS_PATTERN = r"^https?://"  # where a response was published
