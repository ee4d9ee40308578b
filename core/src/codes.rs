//! The catalogue of diagnostic codes: one table, read at run time by
//! [`Code::ALL`] and [`catalogue`], so bindings and forms can list every code a
//! record may produce with its severity and messages in both locales.
//!
//! Codes are stable identifiers: never rename one, add a new one instead.
//! Message style: lowercase, no final period, user values in backticks (added
//! by the renderer for string params).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::terms::{Locale, Severity};

macro_rules! catalogue {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $sev:ident, $en:literal, $hi:literal; )*) => {
        /// A stable diagnostic code. Serialised as its snake_case name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum Code {
            $( $(#[$doc])* #[serde(rename = $code)] $variant, )*
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The snake_case name, as serialised.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $code, )* }
            }

            /// The severity a diagnostic with this code carries.
            pub fn severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }

            /// The message template in `locale`; `{name}` is filled from params.
            pub fn template(self, locale: Locale) -> &'static str {
                match (self, locale) {
                    $( (Code::$variant, Locale::En) => $en, (Code::$variant, Locale::Hi) => $hi, )*
                }
            }
        }
    };
}

catalogue! {
    // --- input shape (structural, from the JSON Schema of the kind) ---
    /// The text is not JSON at all.
    MalformedJson = "malformed_json", Error,
        "the text is not valid JSON: {detail} at line {line}, column {column}",
        "पाठ मान्य JSON नहीं है: पंक्ति {line}, स्तंभ {column} पर {detail}";
    /// A value has the wrong JSON type.
    WrongType = "wrong_type", Error,
        "this should be {expected}, not {found}",
        "यहाँ {expected} होना चाहिए, {found} नहीं";
    /// A required field is absent.
    MissingField = "missing_field", Error,
        "{field} is required: please fill it in",
        "{field} आवश्यक है: कृपया भरें";
    /// A field the kind does not define.
    UnknownField = "unknown_field", Error,
        "{field} is not a field of this form",
        "{field} इस फ़ॉर्म का फ़ील्ड नहीं है";
    /// A field that would identify a child (JJ Act s.74, POCSO s.23); records carry a pseudonymous id.
    IdentifyingField = "identifying_field", Error,
        "{field} would identify the child: keep only the child's code (Juvenile Justice Act 2015 s.74, POCSO Act 2012 s.23)",
        "{field} से बच्चे की पहचान हो सकती है: केवल बच्चे का कोड रखें (किशोर न्याय अधिनियम 2015 धारा 74, पॉक्सो अधिनियम 2012 धारा 23)";
    /// A value outside the allowed list.
    InvalidEnumValue = "invalid_enum_value", Error,
        "{value} is not a choice here: choose {allowed}",
        "{value} यहाँ विकल्प नहीं है: इनमें से चुनें: {allowed}";
    /// A string that does not parse in the required format (date, date-time).
    InvalidFormat = "invalid_format", Error,
        "{value} is not a valid {format}",
        "{value} मान्य {format} नहीं है";
    /// A number below the minimum or above the maximum.
    OutOfRange = "out_of_range", Error,
        "{value} is outside the allowed range {range}",
        "{value} अनुमत सीमा {range} के बाहर है";
    /// A string or list that is too short.
    TooShort = "too_short", Error,
        "needs at least {minimum} entry or letter(s)",
        "कम से कम {minimum} प्रविष्टि या अक्षर होने चाहिए";
    /// The record kind is not one this library knows.
    UnknownKind = "unknown_kind", Error,
        "{kind} is not a kind of record; known kinds: {allowed}",
        "{kind} कोई रिकॉर्ड प्रकार नहीं है; ज्ञात प्रकार: {allowed}";
    /// A value the typed model rejects after the structural checks passed.
    InvalidValue = "invalid_value", Error,
        "this value cannot be used: {detail}",
        "यह मान प्रयोग नहीं हो सकता: {detail}";
    /// The same id is used twice where ids must be unique.
    DuplicateId = "duplicate_id", Error,
        "the id {id} is used more than once",
        "पहचान संख्या {id} एक से अधिक बार प्रयोग हुई है";
    /// A reference to an id that does not exist in the record.
    UnknownReference = "unknown_reference", Error,
        "{id} matches nothing in {collection}",
        "{id} का {collection} में कोई मेल नहीं है";

    // --- size limits and schema maxima (validation engine) ---
    /// A string or list longer than its schema's `maxLength` / `maxItems`.
    TooLong = "too_long", Error,
        "must have at most {maximum} item(s) or character(s)",
        "अधिक से अधिक {maximum} प्रविष्टि या अक्षर हो सकते हैं";
    /// A string (or field name) larger than the configured limit.
    StringTooLarge = "string_too_large", Error,
        "text of {size} bytes is larger than the limit of {limit} bytes",
        "{size} बाइट का पाठ {limit} बाइट की सीमा से बड़ा है";
    // nesting_too_deep (beside the input boundary codes below) is also the
    // validator's code for nesting deeper than `Limits::max_depth`.
    /// A list or object with more entries than the configured limit.
    TooManyItems = "too_many_items", Error,
        "{count} entries are more than the limit of {limit}",
        "{count} प्रविष्टियाँ {limit} की सीमा से अधिक हैं";
    /// The report reached its limit of diagnostics; the rest are only counted.
    TooManyDiagnostics = "too_many_diagnostics", Warning,
        "{omitted} more problem(s) not listed: the report shows at most {limit}",
        "{omitted} और समस्याएँ सूचीबद्ध नहीं हैं: रिपोर्ट में अधिकतम {limit} दिखाई जाती हैं";

    // --- children and dates ---
    /// Neither a date of birth nor an age was given.
    AgeMissing = "age_missing", Error,
        "give the child's date of birth or age",
        "बच्चे की जन्म तिथि या आयु दर्ज करें";
    /// The stated age does not match the date of birth.
    AgeDobMismatch = "age_dob_mismatch", Error,
        "age {age} does not match the date of birth {date_of_birth} (the child was {computed} on {on})",
        "आयु {age} जन्म तिथि {date_of_birth} से मेल नहीं खाती ({on} को बच्चे की आयु {computed} थी)";
    /// The person is not a child under the law that applies to the concern.
    NotAChild = "not_a_child", Error,
        "at age {age} this person is not a child for {concern}: the law counts a child under {limit} ({law})",
        "आयु {age} पर यह व्यक्ति {concern} के लिए बच्चा नहीं है: क़ानून {limit} से कम आयु को बच्चा मानता है ({law})";
    /// A date lies in the future.
    DateInFuture = "date_in_future", Error,
        "{field} ({date}) is after today ({today})",
        "{field} ({date}) आज ({today}) के बाद की है";
    /// Two dates are in the wrong order.
    DatesOutOfOrder = "dates_out_of_order", Error,
        "{later_field} ({later}) is before {earlier_field} ({earlier})",
        "{later_field} ({later}) {earlier_field} ({earlier}) से पहले की है";

    // --- cases ---
    /// Work recorded as a labour concern is not prohibited at this age.
    LabourNotProhibited = "labour_not_prohibited", Warning,
        "non-hazardous work at age {age} is not prohibited (Child and Adolescent Labour Act 1986 s.3A bars only hazardous work from 14 to 17)",
        "आयु {age} पर गैर-खतरनाक काम प्रतिबंधित नहीं है (बाल एवं किशोर श्रम अधिनियम 1986 धारा 3A: 14 से 17 वर्ष तक केवल खतरनाक काम वर्जित)";
    /// A closed case without a closure reason or date.
    ClosureMissing = "closure_missing", Error,
        "a closed case needs the closing date and reason",
        "बंद केस के लिए बंद करने की तिथि और कारण आवश्यक है";
    /// Closure details on a case that is not closed.
    ClosureOnOpenCase = "closure_on_open_case", Error,
        "closing details are filled in but the case is {status}",
        "बंद करने का विवरण भरा है परंतु केस की स्थिति {status} है";
    /// Closure reason `other` needs a note.
    ClosureNoteMissing = "closure_note_missing", Error,
        "when the closing reason is “other”, write a note",
        "बंद करने का कारण “अन्य” होने पर टिप्पणी लिखें";
    /// A concern needed a referral (e.g. CNCP to the CWC, JJ s.31) by a deadline that has passed without one.
    PathwayDeadlineMissed = "pathway_deadline_missed", Error,
        "{concern}: the child had to be referred to {destinations} by {deadline} ({law})",
        "{concern}: बच्चे को {deadline} तक {destinations} के पास भेजना आवश्यक था ({law})";
    /// The required referral was made, but after its deadline.
    PathwayLate = "pathway_late", Warning,
        "{concern}: the referral was made on {at}, {hours_late} hours after the deadline of {deadline} ({law})",
        "{concern}: रेफ़रल {at} को हुआ, समय-सीमा {deadline} से {hours_late} घंटे देर से ({law})";
    /// A concern requires a referral to a destination, and there is none yet.
    PathwayReferralMissing = "pathway_referral_missing", Warning,
        "{concern}: refer the child to {destinations} ({law})",
        "{concern}: बच्चे को {destinations} के पास रेफ़र करें ({law})";
    /// A case has no concerns.
    NoConcerns = "no_concerns", Error,
        "a case needs at least one concern",
        "केस में कम से कम एक चिंता दर्ज होनी चाहिए";
    /// A follow-up or service is past its due date.
    FollowUpOverdue = "follow_up_overdue", Warning,
        "the follow-up due on {due} is {days} day(s) late",
        "{due} को नियत अनुवर्ती कार्य {days} दिन देर से है";

    // --- referrals and state machines ---
    /// Referring without both consents and without a reasoned override.
    ConsentMissing = "consent_missing", Error,
        "a referral needs consent for services and for sharing with other organisations, or a reason to go ahead without it",
        "रेफ़रल के लिए सेवाओं और अन्य संस्थाओं से जानकारी साझा करने की सहमति, या बिना सहमति आगे बढ़ने का कारण आवश्यक है";
    /// A consent override without a reason.
    OverrideReasonMissing = "override_reason_missing", Error,
        "going ahead without consent needs a reason",
        "बिना सहमति आगे बढ़ने के लिए कारण आवश्यक है";
    /// A transition the state machine does not allow.
    IllegalTransition = "illegal_transition", Error,
        "the status cannot change from {from} to {to}",
        "स्थिति {from} से {to} में नहीं बदल सकती";
    /// A transition that needs a reason was given none.
    ReasonRequired = "reason_required", Error,
        "changing to {to} needs a reason",
        "{to} में बदलने के लिए कारण आवश्यक है";
    /// The recorded status disagrees with the history.
    StatusHistoryMismatch = "status_history_mismatch", Error,
        "the status is {status} but the history ends with {history_status}",
        "स्थिति {status} है परंतु इतिहास {history_status} पर समाप्त होता है";
    /// History entries are not in time order.
    HistoryOutOfOrder = "history_out_of_order", Error,
        "the history entry of {at} is earlier than the one before it ({previous})",
        "इतिहास की प्रविष्टि {at} पिछली प्रविष्टि ({previous}) से पहले की है";
    /// A referral is past its due time and not done.
    ReferralOverdue = "referral_overdue", Warning,
        "the referral was due on {due} and is still {status}",
        "रेफ़रल {due} तक होना था और अब भी {status} है";
    // --- the law: statutes, ages, pathways, privacy (issue 9; owner: law) ---
    /// An estimated age at or just over a statute's limit: within the profile's margin the child keeps the benefit of the doubt (JJ Act s.94).
    AgeEstimatedAtLimit = "age_estimated_at_limit", Warning,
        "the estimated age {age} on {on} is at or above {limit}, the limit for {concern} ({law}); within {margin} year(s) the child keeps the benefit of the doubt (JJ Act s.94): confirm the age from documents",
        "{on} को अनुमानित आयु {age}, {concern} की सीमा {limit} ({law}) के बराबर या उससे अधिक है; {margin} वर्ष के भीतर संदेह का लाभ बच्चे को मिलता है (किशोर न्याय अधिनियम धारा 94): दस्तावेज़ों से आयु की पुष्टि करें";
    /// Work recorded under a CALPRA s.3(2) exception (family enterprise outside school hours, child artist) is lawful.
    LabourExceptionLawful = "labour_exception_lawful", Warning,
        "work under the exception {exception} at age {age} is not prohibited ({law}): it is not counted as child labour",
        "अपवाद {exception} के अंतर्गत आयु {age} पर काम प्रतिबंधित नहीं है ({law}): इसे बाल श्रम नहीं गिना जाता";
    /// A CALPRA s.3(2) exception claimed for hazardous work, which it does not cover.
    LabourExceptionNotApplicable = "labour_exception_not_applicable", Warning,
        "the exception {exception} does not cover hazardous work ({law}): the work is still prohibited",
        "अपवाद {exception} खतरनाक काम पर लागू नहीं होता ({law}): काम अब भी प्रतिबंधित है";
    /// A child under the age of criminal responsibility recorded as in conflict with law (doli incapax).
    DoliIncapax = "doli_incapax", Warning,
        "aged {age} on {on}, the child is under {limit}: nothing done by a child under {limit} is an offence ({law}); treat the child as one in need of care and protection",
        "{on} को आयु {age}, {limit} वर्ष से कम: {limit} वर्ष से कम आयु के बच्चे का कोई कार्य अपराध नहीं है ({law}); बच्चे को देखभाल और संरक्षण की आवश्यकता वाला बच्चा मानें";
    /// The recorded risk level is lower than the level triage gives.
    RiskBelowTriage = "risk_below_triage", Warning,
        "recorded risk level {recorded} is lower than {level}, the level triage gives",
        "दर्ज जोखिम स्तर {recorded}, ट्राइएज द्वारा दिए स्तर {level} से कम है";
    /// A case closed formally while a planned service is still pending.
    ClosedWithPendingService = "closed_with_pending_service", Warning,
        "the case was formally closed on {date} while the service {service} planned on {planned} is still pending",
        "मामला {date} को औपचारिक रूप से बंद किया गया जबकि {planned} को नियोजित सेवा {service} अभी लंबित है";
    /// A case closed formally before the date a child marriage is planned for.
    ClosedBeforeMarriageDate = "closed_before_marriage_date", Warning,
        "the case was formally closed on {date}, before the planned marriage date {planned}: keep it open until the date has passed safely",
        "मामला {date} को औपचारिक रूप से बंद किया गया, विवाह की नियोजित तिथि {planned} से पहले: तिथि सुरक्षित बीत जाने तक मामला खुला रखें";
    /// A referral names a statutory pathway the rule profile does not have.
    UnknownPathway = "unknown_pathway", Error,
        "pathway {pathway} is not in the rule profile; known: {allowed}",
        "मार्ग {pathway} नियम प्रोफ़ाइल में नहीं है; ज्ञात: {allowed}";
    /// A referral made under a pathway to a destination the pathway does not name.
    PathwayDestinationMismatch = "pathway_destination_mismatch", Error,
        "pathway {pathway} reports to one of {destinations}, not to {to} ({law})",
        "मार्ग {pathway} के अंतर्गत इनमें से किसी एक को सूचना दी जाती है: {destinations}; {to} को नहीं ({law})";
    /// A member younger than the age the role requires (an adult, or 21 for an elected office).
    MemberTooYoung = "member_too_young", Error,
        "a member with role {role} is aged {age}, below {minimum}",
        "भूमिका {role} वाले सदस्य की आयु {age} है, जो {minimum} से कम है";
    /// Free text holding a phone number (JJ Act s.74, POCSO s.23).
    TextHasPhone = "text_has_phone", Error,
        "{field} contains a phone number, a particular that may identify the child (JJ Act s.74, POCSO s.23)",
        "{field} में फ़ोन नंबर है, जिससे बच्चे की पहचान हो सकती है (किशोर न्याय अधिनियम धारा 74, पॉक्सो धारा 23)";
    /// Free text holding an Aadhaar number (12 digits passing the Verhoeff check).
    TextHasAadhaar = "text_has_aadhaar", Error,
        "{field} contains an Aadhaar number, a particular that may identify the child (JJ Act s.74, POCSO s.23)",
        "{field} में आधार संख्या है, जिससे बच्चे की पहचान हो सकती है (किशोर न्याय अधिनियम धारा 74, पॉक्सो धारा 23)";
    /// Free text holding an e-mail address.
    TextHasEmail = "text_has_email", Error,
        "{field} contains an e-mail address, a particular that may identify the child (JJ Act s.74, POCSO s.23)",
        "{field} में ई-मेल पता है, जिससे बच्चे की पहचान हो सकती है (किशोर न्याय अधिनियम धारा 74, पॉक्सो धारा 23)";
    /// Free text holding a PIN code with an address.
    TextHasAddress = "text_has_address", Error,
        "{field} contains an address with a PIN code, a particular that may identify the child (JJ Act s.74, POCSO s.23)",
        "{field} में पिन कोड सहित पता है, जिससे बच्चे की पहचान हो सकती है (किशोर न्याय अधिनियम धारा 74, पॉक्सो धारा 23)";
    /// A child id that reads like a personal name.
    ChildIdLooksLikeName = "child_id_looks_like_name", Warning,
        "the child id reads like a personal name: use the programme's pseudonymous id (JJ Act s.74, POCSO s.23)",
        "बच्चे की पहचान संख्या किसी व्यक्ति के नाम जैसी लगती है: कार्यक्रम की छद्म पहचान संख्या लिखें (किशोर न्याय अधिनियम धारा 74, पॉक्सो धारा 23)";

    // --- VCPC ---
    /// The composition profile named by the record is not known.
    UnknownProfile = "unknown_profile", Error,
        "{profile} is not a known state order; known: {allowed}",
        "{profile} ज्ञात राज्य आदेश नहीं है; ज्ञात: {allowed}";
    /// No member holds the chair.
    ChairMissing = "chair_missing", Error,
        "the committee has no chair",
        "समिति का कोई अध्यक्ष नहीं है";
    /// More than one member holds the same office.
    OfficeHeldTwice = "office_held_twice", Error,
        "more than one member is {office}",
        "एक से अधिक सदस्य {office} हैं";
    /// The chair's role is not one the profile allows.
    ChairNotEligible = "chair_not_eligible", Error,
        "the chair must be {allowed} under the {profile}",
        "{profile} के अनुसार अध्यक्ष इनमें से होना चाहिए: {allowed}";
    /// No member secretary.
    MemberSecretaryMissing = "member_secretary_missing", Error,
        "the committee has no member secretary",
        "समिति का कोई सदस्य सचिव नहीं है";
    /// The member secretary's role is not one the profile allows.
    MemberSecretaryNotEligible = "member_secretary_not_eligible", Error,
        "the member secretary must be {allowed} under the {profile}",
        "{profile} के अनुसार सदस्य सचिव इनमें से होना चाहिए: {allowed}";
    /// A role the profile requires is missing.
    RequiredRoleMissing = "required_role_missing", Error,
        "the {profile} needs at least {minimum} {role}, the committee has {found}",
        "{profile} के अनुसार कम से कम {minimum} {role} चाहिए, समिति में {found} हैं";
    /// Too few child representatives (in total or of a sex).
    ChildRepresentativesMissing = "child_representatives_missing", Error,
        "the {profile} needs {minimum} child representative(s) ({sex}), the committee has {found}",
        "{profile} के अनुसार {minimum} बाल प्रतिनिधि ({sex}) चाहिए, समिति में {found} हैं";
    /// A child representative outside the profile's age range.
    ChildRepresentativeAge = "child_representative_age", Error,
        "a child representative aged {age} is outside the ages {minimum} to {maximum}",
        "बाल प्रतिनिधि की आयु {age}, {minimum} से {maximum} की सीमा के बाहर है";
    /// No Gram Sabha resolution recorded for the formation.
    ResolutionMissing = "resolution_missing", Warning,
        "no Gram Sabha resolution is recorded for forming the committee",
        "समिति के गठन का कोई ग्राम सभा प्रस्ताव दर्ज नहीं है";
    /// A meeting dated before the committee was formed.
    MeetingBeforeFormation = "meeting_before_formation", Error,
        "the meeting on {date} is before the committee was formed on {formed}",
        "{date} की बैठक समिति के गठन ({formed}) से पहले की है";
    /// Fewer members present than the quorum.
    QuorumNotMet = "quorum_not_met", Warning,
        "no quorum: {present} of {members} members present, {required} needed",
        "कोरम पूरा नहीं: {members} में से {present} सदस्य उपस्थित, {required} आवश्यक";
    /// A meeting without minutes.
    MinutesMissing = "minutes_missing", Warning,
        "the meeting on {date} has no minutes",
        "{date} की बैठक का कार्यवृत्त नहीं है";
    /// The gap between meetings is longer than the profile allows.
    MeetingGap = "meeting_gap", Warning,
        "{days} days without a meeting up to {date}; the committee should meet every {maximum} days",
        "{date} तक {days} दिन बिना बैठक के; समिति की बैठक हर {maximum} दिन में होनी चाहिए";

    // --- District Need Assessment and CCI review (modules dna, cci) ---
    /// A theme id that is not in the theme catalogue of the rule profile.
    DnaUnknownTheme = "dna_unknown_theme", Error,
        "{theme} is not a theme of the assessment; themes: {allowed}",
        "{theme} आकलन का विषय नहीं है; विषय: {allowed}";
    /// The same theme is listed twice where themes must be unique.
    DnaDuplicateTheme = "dna_duplicate_theme", Error,
        "{theme} is listed more than once",
        "{theme} एक से अधिक बार दर्ज है";
    /// A severity outside the profile's severity scale.
    DnaSeverityOutOfScale = "dna_severity_out_of_scale", Error,
        "severity {severity} is outside the scale {minimum} to {maximum}",
        "गंभीरता {severity} पैमाने {minimum} से {maximum} के बाहर है";
    /// An estimate outside what its unit allows.
    DnaEstimateOutOfRange = "dna_estimate_out_of_range", Error,
        "the estimate {value} is outside {minimum} to {maximum} for a {unit}",
        "अनुमान {value}, {unit} के लिए {minimum} से {maximum} के बाहर है";
    /// A children's group band that includes adults or very young children.
    DnaGroupMemberNotChild = "dna_group_member_not_child", Error,
        "the children's group ages {age_from} to {age_to} are outside {minimum} to {maximum}",
        "बच्चों के समूह की आयु {age_from} से {age_to}, {minimum} से {maximum} की सीमा के बाहर है";
    /// An adult group band that includes children.
    DnaGroupMemberNotAdult = "dna_group_member_not_adult", Error,
        "the adults' group ages {age_from} to {age_to} include children; adults are {minimum} or older",
        "वयस्क समूह की आयु {age_from} से {age_to} में बच्चे शामिल हैं; वयस्क {minimum} या अधिक आयु के होते हैं";
    /// An age band whose first age is after its last.
    DnaAgeBandReversed = "dna_age_band_reversed", Error,
        "the age group {age_from} to {age_to} is the wrong way round",
        "आयु वर्ग {age_from} से {age_to} उलटा है";
    /// A focus group much smaller or larger than a workable group.
    DnaGroupSizeImplausible = "dna_group_size_implausible", Warning,
        "the {group} has {size} people; a focus group usually has {minimum} to {maximum}",
        "{group} में {size} लोग हैं; फ़ोकस समूह में सामान्यतः {minimum} से {maximum} होते हैं";
    /// A required village duty bearer was not interviewed.
    DnaDutyBearerNotInterviewed = "dna_duty_bearer_not_interviewed", Warning,
        "no interview with the {role}",
        "{role} का साक्षात्कार नहीं हुआ";
    /// A finding with evidence from neither group.
    DnaFindingEmpty = "dna_finding_empty", Error,
        "the finding on {theme} has evidence from neither the adults' nor the children's group",
        "{theme} पर निष्कर्ष में न वयस्क समूह का और न बच्चों के समूह का साक्ष्य है";
    /// The geography lacks a level the record is about.
    DnaGeographyLevelMissing = "dna_geography_level_missing", Error,
        "the place needs the {level} for this record",
        "इस रिकॉर्ड के लिए स्थान में {level} आवश्यक है";
    /// Duty bearer evidence on a theme the groups did not discuss.
    DnaThemeNotDiscussed = "dna_theme_not_discussed", Warning,
        "evidence on {theme}, which the focus groups did not discuss",
        "{theme} पर साक्ष्य, जिस पर फ़ोकस समूहों ने चर्चा नहीं की";
    /// An official figure whose unit differs from its theme's unit.
    DnaUnitMismatch = "dna_unit_mismatch", Warning,
        "the figure is in {unit} but {theme} is measured in {expected}, so it is not compared",
        "आँकड़ा {unit} में है पर {theme} {expected} में मापा जाता है, इसलिए तुलना नहीं होगी";
    /// A consolidated severity outside the range of the sources behind it.
    DnaCollationOutsideSources = "dna_collation_outside_sources", Warning,
        "the agreed severity {severity} lies outside the sources' range {minimum} to {maximum}",
        "सहमत गंभीरता {severity} स्रोतों की सीमा {minimum} से {maximum} के बाहर है";
    /// The same source twice in one collation row.
    DnaDuplicateSource = "dna_duplicate_source", Error,
        "{source} is listed more than once",
        "{source} एक से अधिक बार दर्ज है";


    /// A scored item that the benchmark frame does not have.
    CciUnknownItem = "cci_unknown_item", Error,
        "item {item} is not in the framework {frame}",
        "मद {item} ढाँचे {frame} में नहीं है";
    /// The same item scored twice.
    CciDuplicateItem = "cci_duplicate_item", Error,
        "item {item} is scored more than once",
        "मद {item} को एक से अधिक बार अंक दिए गए हैं";
    /// A score outside the frame's scale.
    CciScoreOutOfScale = "cci_score_out_of_scale", Error,
        "score {score} is outside the scale 0 to {maximum}",
        "अंक {score} पैमाने 0 से {maximum} के बाहर है";
    /// An item with neither a score nor N/A, or with both.
    CciScoreOrNa = "cci_score_or_na", Error,
        "item {item} needs either a score or “does not apply”, not both",
        "मद {item} के लिए या तो अंक या “लागू नहीं” चाहिए, दोनों नहीं";
    /// N/A on an item the frame requires to be scored.
    CciNaNotAllowed = "cci_na_not_allowed", Error,
        "item {item} applies to every institution and cannot be marked “does not apply”",
        "मद {item} हर संस्था पर लागू होता है, इसे “लागू नहीं” नहीं माना जा सकता";
    /// A frame item the assessment did not score.
    CciItemNotAssessed = "cci_item_not_assessed", Warning,
        "item {item} of the framework {frame} was not assessed",
        "ढाँचे {frame} के मद {item} का आकलन नहीं हुआ";
    /// A score given without evidence.
    CciEvidenceMissing = "cci_evidence_missing", Warning,
        "the score for item {item} gives no evidence",
        "मद {item} के अंक के साथ कोई साक्ष्य नहीं दिया गया";
    /// The assessment names a frame that is not the shipped one and none was supplied.
    CciUnknownFrame = "cci_unknown_frame", Warning,
        "the framework {frame} is not the one shipped ({known}); items are checked only when it is supplied",
        "ढाँचा {frame} उपलब्ध ढाँचा ({known}) नहीं है; मदों की जाँच तभी होगी जब ढाँचा दिया जाए";
    /// More children resident than the sanctioned capacity.
    CciOverCapacity = "cci_over_capacity", Warning,
        "{children} children live there, above the capacity of {capacity}",
        "वहाँ {children} बच्चे रह रहे हैं, जो क्षमता {capacity} से अधिक है";
    /// A weight that is zero or negative.
    CciWeightNotPositive = "cci_weight_not_positive", Error,
        "weight {weight} must be above 0",
        "भार {weight} 0 से अधिक होना चाहिए";
    /// Rating bands whose thresholds do not fall from best to worst.
    CciBandsOutOfOrder = "cci_bands_out_of_order", Error,
        "band {band} starts at {minimum}, which is not below the band before it ({previous})",
        "श्रेणी {band} {minimum} से आरंभ होती है, जो पिछली श्रेणी ({previous}) से कम नहीं है";

    // (keep this gap: it separates the two groups for merges)


    // --- survey microdata and indicators (module indicators) ---
    /// A code in a roster column that names no value of its field, or a number outside the roster's scope.
    ColumnValueInvalid = "column_value_invalid", Error,
        "the value {value} in the column {field} is not allowed: {allowed}",
        "स्तंभ {field} में मान {value} मान्य नहीं है: {allowed}";
    /// A roster row whose age is above the roster's 0–24 scope.
    RosterAgeOutOfScope = "roster_age_out_of_scope", Error,
        "age {age} is above {maximum}, the oldest age the roster covers",
        "आयु {age}, सूची की अधिकतम आयु {maximum} से अधिक है";
    /// A birth date without the survey date needed to compute the age.
    SurveyDateMissing = "survey_date_missing", Error,
        "a date of birth needs the survey date to give the age",
        "जन्म तिथि से आयु निकालने के लिए सर्वेक्षण की तिथि आवश्यक है";
    /// Age at marriage greater than the current age.
    MarriageAfterAge = "marriage_after_age", Error,
        "age at marriage {age_at_marriage} is greater than the age {age}",
        "विवाह की आयु {age_at_marriage} वर्तमान आयु {age} से अधिक है";
    /// Married (or widowed, divorced) at an implausibly young age.
    MarriedTooYoung = "married_too_young", Error,
        "recorded as ever married at age {age}, below {minimum}: check the age or the marital status",
        "आयु {age} पर विवाहित दर्ज है, जो {minimum} से कम है: आयु या वैवाहिक स्थिति जाँचें";
    /// An age at marriage for someone never married.
    MarriageAgeWithoutMarriage = "marriage_age_without_marriage", Error,
        "age at marriage {age_at_marriage} is given but the person has never married",
        "विवाह की आयु {age_at_marriage} दी गई है पर व्यक्ति अविवाहित है";
    /// Ever married without an age at marriage: SDG 5.3.1 cannot count the row.
    MarriageAgeMissing = "marriage_age_missing", Warning,
        "ever married but the age at marriage is missing",
        "विवाहित है पर विवाह की आयु दर्ज नहीं है";
    /// Hours of work recorded with no work.
    WorkHoursWithoutWork = "work_hours_without_work", Error,
        "{hours} hours of work recorded but the work is “no work”",
        "{hours} घंटे का काम दर्ज है पर काम “कोई काम नहीं” दर्ज है";
    /// A predicate names a field the roster does not have.
    PredicateUnknownField = "predicate_unknown_field", Error,
        "{field} is not a field of the roster",
        "{field} सूची का फ़ील्ड नहीं है";
    /// A predicate value that does not fit its field or operator.
    PredicateBadValue = "predicate_bad_value", Error,
        "the value {value} does not fit {field} with the comparison “{op}”",
        "मान {value}, {field} और तुलना “{op}” के अनुकूल नहीं है";
    /// Two indicators with the same id in one catalogue.
    IndicatorDuplicate = "indicator_duplicate", Error,
        "indicator {id} is defined twice",
        "संकेतक {id} दो बार परिभाषित है";
    /// Age bands that are empty, overlapping or out of order.
    AgeBandsInvalid = "age_bands_invalid", Error,
        "age group {band} is empty, overlaps the one before or is out of order",
        "आयु वर्ग {band} खाली है, पिछले वर्ग से टकराता है या क्रम में नहीं है";
    /// Partial aggregates computed with different catalogues or bands.
    AggregateMismatch = "aggregate_mismatch", Error,
        "the partial totals do not match: {detail}",
        "आंशिक योग मेल नहीं खाते: {detail}";
    /// Columns of a roster table with different lengths.
    ColumnLengthMismatch = "column_length_mismatch", Error,
        "the column {column} has {found} rows, {expected} expected",
        "स्तंभ {column} में {found} पंक्तियाँ हैं, {expected} अपेक्षित थीं";

    // --- hardening: ranges, overflow and privacy (issue 10; modules checked, export) ---
    /// A date outside the range the library accepts (module `checked`).
    DateOutOfRange = "date_out_of_range", Error,
        "date {value} is outside the supported range {range}",
        "तिथि {value} समर्थित सीमा {range} के बाहर है";
    /// Text that is not valid Unicode: invalid UTF-8 bytes or a lone surrogate (module `boundary`).
    InvalidText = "invalid_text", Error,
        "text is not valid Unicode: {detail}",
        "पाठ मान्य यूनिकोड नहीं है: {detail}";
    /// NaN or an infinite number (a JSON number too large, a Python `float('nan')`).
    NonFiniteNumber = "non_finite_number", Error,
        "a number is not finite (NaN or infinite): {detail}",
        "एक संख्या सीमित नहीं है (अपरिभाषित या अनंत): {detail}";
    /// Arrays and objects nested too deep, or a value that contains itself.
    NestingTooDeep = "nesting_too_deep", Error,
        "values nest deeper than {limit} levels or contain themselves",
        "मान {limit} स्तरों से अधिक गहराई तक नेस्ट हैं या स्वयं को समाहित करते हैं";
    /// An identifying export asked for without a recorded permission (module `export`).
    ExportPermissionMissing = "export_permission_missing", Error,
        "an identifying export needs a recorded permission of the CWC, JJB or Special Court",
        "पहचान वाले निर्यात के लिए बाल कल्याण समिति, किशोर न्याय बोर्ड या विशेष न्यायालय की दर्ज अनुमति आवश्यक है";
    /// A permission whose scope does not cover the record exported.
    ExportOutOfScope = "export_out_of_scope", Error,
        "the permission does not cover this record: {detail}",
        "अनुमति इस रिकॉर्ड पर लागू नहीं होती: {detail}";
    /// An export secret too short to key the child id hash.
    ExportSecretWeak = "export_secret_weak", Error,
        "the export secret must have at least {minimum} bytes",
        "निर्यात की गुप्त कुंजी कम से कम {minimum} बाइट की होनी चाहिए";
}

/// A catalogue entry, as listed to callers at run time.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct CodeInfo {
    /// The code.
    pub code: Code,
    /// Its severity.
    pub severity: Severity,
    /// English message template.
    pub en: String,
    /// Hindi message template.
    pub hi: String,
}

/// The whole catalogue.
pub fn catalogue() -> Vec<CodeInfo> {
    Code::ALL
        .iter()
        .map(|&code| CodeInfo {
            code,
            severity: code.severity(),
            en: code.template(Locale::En).to_owned(),
            hi: code.template(Locale::Hi).to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_snake_case_and_serialise_as_named() {
        let mut seen = HashSet::new();
        for &c in Code::ALL {
            let s = c.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert!(s.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'));
            assert_eq!(serde_json::to_value(c).ok(), Some(serde_json::json!(s)));
        }
    }

    #[test]
    fn every_code_has_both_messages() {
        for info in catalogue() {
            assert!(!info.en.is_empty() && !info.hi.is_empty());
            assert!(
                !info.en.ends_with('.'),
                "{:?} ends with a period",
                info.code
            );
            // Same placeholders in both languages, so params render in either.
            let names = |t: &str| {
                let mut v: Vec<String> = t
                    .split('{')
                    .skip(1)
                    .filter_map(|s| s.split('}').next().map(str::to_owned))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(names(&info.en), names(&info.hi), "{:?}", info.code);
        }
    }
}
