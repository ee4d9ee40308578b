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
        "input is not valid JSON: {detail} at line {line}, column {column}",
        "इनपुट मान्य JSON नहीं है: पंक्ति {line}, स्तंभ {column} पर {detail}";
    /// A value has the wrong JSON type.
    WrongType = "wrong_type", Error,
        "expected {expected}, found {found}",
        "{expected} अपेक्षित था, {found} मिला";
    /// A required field is absent.
    MissingField = "missing_field", Error,
        "required field {field} is missing",
        "आवश्यक फ़ील्ड {field} नहीं भरा गया है";
    /// A field the kind does not define.
    UnknownField = "unknown_field", Error,
        "unknown field {field}",
        "अज्ञात फ़ील्ड {field}";
    /// A field that would identify a child (JJ Act s.74, POCSO s.23); records carry a pseudonymous id.
    IdentifyingField = "identifying_field", Error,
        "field {field} would identify the child: records keep only a pseudonymous id (JJ Act s.74, POCSO s.23)",
        "फ़ील्ड {field} से बच्चे की पहचान हो सकती है: रिकॉर्ड में केवल छद्म पहचान संख्या रखी जाती है (किशोर न्याय अधिनियम धारा 74, पॉक्सो धारा 23)";
    /// A value outside the allowed list.
    InvalidEnumValue = "invalid_enum_value", Error,
        "{value} is not one of {allowed}",
        "{value} मान्य नहीं है; इनमें से एक चुनें: {allowed}";
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
        "must have at least {minimum} item(s) or character(s)",
        "कम से कम {minimum} प्रविष्टि या अक्षर होने चाहिए";
    /// The record kind is not one this library knows.
    UnknownKind = "unknown_kind", Error,
        "unknown record kind {kind}; known kinds: {allowed}",
        "अज्ञात रिकॉर्ड प्रकार {kind}; ज्ञात प्रकार: {allowed}";
    /// A value the typed model rejects after the structural checks passed.
    InvalidValue = "invalid_value", Error,
        "invalid value: {detail}",
        "अमान्य मान: {detail}";
    /// The same id is used twice where ids must be unique.
    DuplicateId = "duplicate_id", Error,
        "id {id} is used more than once",
        "पहचान संख्या {id} एक से अधिक बार प्रयोग हुई है";
    /// A reference to an id that does not exist in the record.
    UnknownReference = "unknown_reference", Error,
        "{id} does not refer to any entry in {collection}",
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
    /// Lists and objects nested deeper than the configured limit.
    NestingTooDeep = "nesting_too_deep", Error,
        "nested more than {limit} levels deep",
        "{limit} स्तरों से अधिक गहराई तक नेस्टेड है";
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
        "बच्चे की जन्मतिथि या आयु दर्ज करें";
    /// The stated age does not match the date of birth.
    AgeDobMismatch = "age_dob_mismatch", Error,
        "age {age} does not match date of birth {date_of_birth} (age {computed} on {on})",
        "आयु {age} जन्मतिथि {date_of_birth} से मेल नहीं खाती ({on} को आयु {computed})";
    /// The person is not a child under the law that applies to the concern.
    NotAChild = "not_a_child", Error,
        "age {age} is not under {limit}, the limit for {concern} ({law})",
        "आयु {age}, {concern} के लिए सीमा {limit} से कम नहीं है ({law})";
    /// A date lies in the future.
    DateInFuture = "date_in_future", Error,
        "{field} {date} is after today {today}",
        "{field} की तिथि {date} आज ({today}) के बाद की है";
    /// Two dates are in the wrong order.
    DatesOutOfOrder = "dates_out_of_order", Error,
        "{later_field} {later} is before {earlier_field} {earlier}",
        "{later_field} ({later}) {earlier_field} ({earlier}) से पहले की है";

    // --- cases ---
    /// Work recorded as a labour concern is not prohibited at this age.
    LabourNotProhibited = "labour_not_prohibited", Warning,
        "non-hazardous work at age {age} is not prohibited (CALPRA s.3A bars only hazardous work from 14 to 17)",
        "आयु {age} पर गैर-खतरनाक काम प्रतिबंधित नहीं है (बाल एवं किशोर श्रम अधिनियम धारा 3A: 14 से 17 वर्ष तक केवल खतरनाक काम वर्जित)";
    /// A closed case without a closure reason or date.
    ClosureMissing = "closure_missing", Error,
        "a closed case needs a closure with date and reason",
        "बंद मामले के लिए बंद करने की तिथि और कारण आवश्यक है";
    /// Closure details on a case that is not closed.
    ClosureOnOpenCase = "closure_on_open_case", Error,
        "closure is given but status is {status}",
        "बंद करने का विवरण दिया गया है परंतु स्थिति {status} है";
    /// Closure reason `other` needs a note.
    ClosureNoteMissing = "closure_note_missing", Error,
        "closure reason `other` needs a note",
        "बंद करने का कारण `other` होने पर टिप्पणी आवश्यक है";
    /// A concern needed a referral (e.g. CNCP to the CWC, JJ s.31) by a deadline that has passed without one.
    PathwayDeadlineMissed = "pathway_deadline_missed", Error,
        "concern {concern} needed a referral to one of {destinations} by {deadline} ({law})",
        "चिंता {concern} के लिए {deadline} तक इनमें से किसी एक को रेफ़रल आवश्यक था: {destinations} ({law})";
    /// The required referral was made, but after its deadline.
    PathwayLate = "pathway_late", Warning,
        "referral for {concern} was made at {at}, {hours_late} h after the deadline {deadline} ({law})",
        "{concern} के लिए रेफ़रल {at} पर हुआ, समय-सीमा {deadline} से {hours_late} घंटे देर से ({law})";
    /// A concern requires a referral to a destination, and there is none yet.
    PathwayReferralMissing = "pathway_referral_missing", Warning,
        "concern {concern} requires a referral to one of {destinations} ({law})",
        "चिंता {concern} के लिए इनमें से किसी एक को रेफ़रल आवश्यक है: {destinations} ({law})";
    /// A case has no concerns.
    NoConcerns = "no_concerns", Error,
        "a case needs at least one concern",
        "मामले में कम से कम एक चिंता दर्ज होनी चाहिए";
    /// A follow-up or service is past its due date.
    FollowUpOverdue = "follow_up_overdue", Warning,
        "follow-up due {due} is {days} day(s) overdue",
        "अनुवर्ती कार्य की नियत तिथि {due} से {days} दिन बीत चुके हैं";

    // --- referrals and state machines ---
    /// Referring without both consents and without a reasoned override.
    ConsentMissing = "consent_missing", Error,
        "referral needs consent for services and for disclosure to other organisations, or an override with a reason",
        "रेफ़रल के लिए सेवाओं और अन्य संस्थाओं को जानकारी देने की सहमति, या कारण सहित छूट आवश्यक है";
    /// A consent override without a reason.
    OverrideReasonMissing = "override_reason_missing", Error,
        "a consent override must give a reason",
        "सहमति की छूट के लिए कारण देना आवश्यक है";
    /// A transition the state machine does not allow.
    IllegalTransition = "illegal_transition", Error,
        "cannot go from {from} to {to}",
        "{from} से {to} में नहीं बदला जा सकता";
    /// A transition that needs a reason was given none.
    ReasonRequired = "reason_required", Error,
        "moving to {to} needs a reason",
        "{to} में बदलने के लिए कारण आवश्यक है";
    /// The recorded status disagrees with the history.
    StatusHistoryMismatch = "status_history_mismatch", Error,
        "status is {status} but the history ends in {history_status}",
        "स्थिति {status} है परंतु इतिहास {history_status} पर समाप्त होता है";
    /// History entries are not in time order.
    HistoryOutOfOrder = "history_out_of_order", Error,
        "history entry at {at} is earlier than the entry before it ({previous})",
        "इतिहास की प्रविष्टि {at} पिछली प्रविष्टि ({previous}) से पहले की है";
    /// A referral is past its due time and not done.
    ReferralOverdue = "referral_overdue", Warning,
        "referral was due {due} and is still {status}",
        "रेफ़रल की नियत तिथि {due} थी और यह अब भी {status} है";
    // --- VCPC ---
    /// The composition profile named by the record is not known.
    UnknownProfile = "unknown_profile", Error,
        "unknown composition profile {profile}; known: {allowed}",
        "अज्ञात संरचना प्रोफ़ाइल {profile}; ज्ञात: {allowed}";
    /// No member holds the chair.
    ChairMissing = "chair_missing", Error,
        "the committee has no chair",
        "समिति का कोई अध्यक्ष नहीं है";
    /// More than one member holds the same office.
    OfficeHeldTwice = "office_held_twice", Error,
        "{office} is held by more than one member",
        "{office} का पद एक से अधिक सदस्यों के पास है";
    /// The chair's role is not one the profile allows.
    ChairNotEligible = "chair_not_eligible", Error,
        "the chair must be one of {allowed} under profile {profile}",
        "प्रोफ़ाइल {profile} के अनुसार अध्यक्ष इनमें से होना चाहिए: {allowed}";
    /// No member secretary.
    MemberSecretaryMissing = "member_secretary_missing", Error,
        "the committee has no member secretary",
        "समिति का कोई सदस्य सचिव नहीं है";
    /// The member secretary's role is not one the profile allows.
    MemberSecretaryNotEligible = "member_secretary_not_eligible", Error,
        "the member secretary must be one of {allowed} under profile {profile}",
        "प्रोफ़ाइल {profile} के अनुसार सदस्य सचिव इनमें से होना चाहिए: {allowed}";
    /// A role the profile requires is missing.
    RequiredRoleMissing = "required_role_missing", Error,
        "profile {profile} requires at least {minimum} member(s) with role {role}, found {found}",
        "प्रोफ़ाइल {profile} के अनुसार भूमिका {role} के कम से कम {minimum} सदस्य चाहिए, {found} मिले";
    /// Too few child representatives (in total or of a sex).
    ChildRepresentativesMissing = "child_representatives_missing", Error,
        "profile {profile} requires {minimum} child representative(s) ({sex}), found {found}",
        "प्रोफ़ाइल {profile} के अनुसार {minimum} बाल प्रतिनिधि ({sex}) चाहिए, {found} मिले";
    /// A child representative outside the profile's age range.
    ChildRepresentativeAge = "child_representative_age", Error,
        "child representative aged {age} is outside {minimum} to {maximum}",
        "बाल प्रतिनिधि की आयु {age}, {minimum} से {maximum} की सीमा के बाहर है";
    /// No Gram Sabha resolution recorded for the formation.
    ResolutionMissing = "resolution_missing", Warning,
        "formation has no Gram Sabha resolution recorded",
        "गठन का कोई ग्राम सभा प्रस्ताव दर्ज नहीं है";
    /// A meeting dated before the committee was formed.
    MeetingBeforeFormation = "meeting_before_formation", Error,
        "meeting on {date} is before the committee was formed on {formed}",
        "{date} की बैठक समिति के गठन ({formed}) से पहले की है";
    /// Fewer members present than the quorum.
    QuorumNotMet = "quorum_not_met", Warning,
        "{present} of {members} members present; quorum is {required}",
        "{members} में से {present} सदस्य उपस्थित; कोरम {required} है";
    /// A meeting without minutes.
    MinutesMissing = "minutes_missing", Warning,
        "meeting on {date} has no minutes",
        "{date} की बैठक का कार्यवृत्त नहीं है";
    /// The gap between meetings is longer than the profile allows.
    MeetingGap = "meeting_gap", Warning,
        "{days} days without a meeting up to {date}; the profile expects one every {maximum} days",
        "{date} तक {days} दिन बिना बैठक के; प्रोफ़ाइल के अनुसार हर {maximum} दिन में बैठक होनी चाहिए";

    // --- District Need Assessment and CCI review (modules dna, cci) ---
    /// A theme id that is not in the theme catalogue of the rule profile.
    DnaUnknownTheme = "dna_unknown_theme", Error,
        "theme {theme} is not in the theme catalogue; known themes: {allowed}",
        "विषय {theme} विषय-सूची में नहीं है; ज्ञात विषय: {allowed}";
    /// The same theme is listed twice where themes must be unique.
    DnaDuplicateTheme = "dna_duplicate_theme", Error,
        "theme {theme} is listed more than once",
        "विषय {theme} एक से अधिक बार दर्ज है";
    /// A severity outside the profile's severity scale.
    DnaSeverityOutOfScale = "dna_severity_out_of_scale", Error,
        "severity {severity} is outside the scale {minimum} to {maximum}",
        "गंभीरता {severity} पैमाने {minimum} से {maximum} के बाहर है";
    /// An estimate outside what its unit allows.
    DnaEstimateOutOfRange = "dna_estimate_out_of_range", Error,
        "estimate {value} is outside {minimum} to {maximum} for unit {unit}",
        "अनुमान {value} इकाई {unit} के लिए {minimum} से {maximum} के बाहर है";
    /// A children's group band that includes adults or very young children.
    DnaGroupMemberNotChild = "dna_group_member_not_child", Error,
        "children's group band {age_from} to {age_to} is outside the ages {minimum} to {maximum}",
        "बच्चों के समूह का आयु-वर्ग {age_from} से {age_to}, आयु {minimum} से {maximum} के बाहर है";
    /// An adult group band that includes children.
    DnaGroupMemberNotAdult = "dna_group_member_not_adult", Error,
        "adult group band {age_from} to {age_to} includes children; adults are {minimum} or older",
        "वयस्क समूह के आयु-वर्ग {age_from} से {age_to} में बच्चे शामिल हैं; वयस्क {minimum} या अधिक आयु के होते हैं";
    /// An age band whose first age is after its last.
    DnaAgeBandReversed = "dna_age_band_reversed", Error,
        "age band {age_from} to {age_to} is reversed",
        "आयु-वर्ग {age_from} से {age_to} उलटा है";
    /// A focus group much smaller or larger than a workable group.
    DnaGroupSizeImplausible = "dna_group_size_implausible", Warning,
        "{group} has {size} participant(s); a focus group usually has {minimum} to {maximum}",
        "{group} में {size} प्रतिभागी हैं; फ़ोकस समूह में सामान्यतः {minimum} से {maximum} होते हैं";
    /// A required village duty bearer was not interviewed.
    DnaDutyBearerNotInterviewed = "dna_duty_bearer_not_interviewed", Warning,
        "no interview with the {role}",
        "{role} का साक्षात्कार नहीं हुआ";
    /// A finding with evidence from neither group.
    DnaFindingEmpty = "dna_finding_empty", Error,
        "finding on {theme} has evidence from neither the adult nor the children's group",
        "{theme} पर निष्कर्ष में न वयस्क समूह का और न बच्चों के समूह का साक्ष्य है";
    /// The geography lacks a level the record is about.
    DnaGeographyLevelMissing = "dna_geography_level_missing", Error,
        "geography needs the {level} for this record",
        "इस रिकॉर्ड के लिए भूगोल में {level} आवश्यक है";
    /// Duty bearer evidence on a theme the groups did not discuss.
    DnaThemeNotDiscussed = "dna_theme_not_discussed", Warning,
        "evidence on {theme}, which the focus groups did not discuss",
        "{theme} पर साक्ष्य, जिस पर फ़ोकस समूहों ने चर्चा नहीं की";
    /// An official figure whose unit differs from its theme's unit.
    DnaUnitMismatch = "dna_unit_mismatch", Warning,
        "unit {unit} differs from the unit {expected} of theme {theme}, so the figure is not compared",
        "इकाई {unit} विषय {theme} की इकाई {expected} से भिन्न है, इसलिए आँकड़े की तुलना नहीं होगी";
    /// A consolidated severity outside the range of the sources behind it.
    DnaCollationOutsideSources = "dna_collation_outside_sources", Warning,
        "consolidated severity {severity} lies outside the sources' range {minimum} to {maximum}",
        "समेकित गंभीरता {severity} स्रोतों की सीमा {minimum} से {maximum} के बाहर है";
    /// The same source twice in one collation row.
    DnaDuplicateSource = "dna_duplicate_source", Error,
        "source {source} is listed more than once",
        "स्रोत {source} एक से अधिक बार दर्ज है";


    /// A scored item that the benchmark frame does not have.
    CciUnknownItem = "cci_unknown_item", Error,
        "item {item} is not in frame {frame}",
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
        "item {item} needs exactly one of a score or not_applicable",
        "मद {item} के लिए अंक या not_applicable में से ठीक एक आवश्यक है";
    /// N/A on an item the frame requires to be scored.
    CciNaNotAllowed = "cci_na_not_allowed", Error,
        "item {item} applies to every institution and cannot be marked not applicable",
        "मद {item} हर संस्था पर लागू होता है, इसे अलागू नहीं माना जा सकता";
    /// A frame item the assessment did not score.
    CciItemNotAssessed = "cci_item_not_assessed", Warning,
        "item {item} of frame {frame} was not assessed",
        "ढाँचे {frame} के मद {item} का आकलन नहीं हुआ";
    /// A score given without evidence.
    CciEvidenceMissing = "cci_evidence_missing", Warning,
        "score for item {item} gives no evidence",
        "मद {item} के अंक के साथ कोई साक्ष्य नहीं दिया गया";
    /// The assessment names a frame that is not the shipped one and none was supplied.
    CciUnknownFrame = "cci_unknown_frame", Warning,
        "frame {frame} is not the shipped frame {known}; items are checked only when the frame is supplied",
        "ढाँचा {frame} उपलब्ध ढाँचा {known} नहीं है; मदों की जाँच तभी होगी जब ढाँचा दिया जाए";
    /// More children resident than the sanctioned capacity.
    CciOverCapacity = "cci_over_capacity", Warning,
        "{children} children are resident, above the capacity of {capacity}",
        "{children} बच्चे रह रहे हैं, जो क्षमता {capacity} से अधिक है";
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
        "value {value} in column {field} is not allowed: {allowed}",
        "स्तंभ {field} में मान {value} मान्य नहीं है: {allowed}";
    /// A roster row whose age is above the roster's 0–24 scope.
    RosterAgeOutOfScope = "roster_age_out_of_scope", Error,
        "age {age} is above {maximum}, the oldest age the roster covers",
        "आयु {age}, रोस्टर की अधिकतम आयु {maximum} से अधिक है";
    /// A birth date without the survey date needed to compute the age.
    SurveyDateMissing = "survey_date_missing", Error,
        "a birth date needs the survey date to give the age",
        "जन्मतिथि से आयु निकालने के लिए सर्वेक्षण की तिथि आवश्यक है";
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
        "age at marriage {age_at_marriage} is given but the marital status is never married",
        "विवाह की आयु {age_at_marriage} दी गई है पर वैवाहिक स्थिति अविवाहित है";
    /// Ever married without an age at marriage: SDG 5.3.1 cannot count the row.
    MarriageAgeMissing = "marriage_age_missing", Warning,
        "ever married but the age at marriage is missing",
        "विवाहित है पर विवाह की आयु दर्ज नहीं है";
    /// Hours of work recorded with no work.
    WorkHoursWithoutWork = "work_hours_without_work", Error,
        "{hours} hours of work recorded but work is none",
        "{hours} घंटे का काम दर्ज है पर काम \"कोई नहीं\" दर्ज है";
    /// A predicate names a field the roster does not have.
    PredicateUnknownField = "predicate_unknown_field", Error,
        "unknown roster field {field} in predicate",
        "शर्त में अज्ञात रोस्टर फ़ील्ड {field}";
    /// A predicate value that does not fit its field or operator.
    PredicateBadValue = "predicate_bad_value", Error,
        "value {value} does not fit field {field} with operator {op}",
        "मान {value}, फ़ील्ड {field} और संक्रिया {op} के अनुकूल नहीं है";
    /// Two indicators with the same id in one catalogue.
    IndicatorDuplicate = "indicator_duplicate", Error,
        "indicator {id} is defined twice",
        "संकेतक {id} दो बार परिभाषित है";
    /// Age bands that are empty, overlapping or out of order.
    AgeBandsInvalid = "age_bands_invalid", Error,
        "age band {band} is empty, overlaps the previous band or is out of order",
        "आयु वर्ग {band} खाली है, पिछले वर्ग से टकराता है या क्रम में नहीं है";
    /// Partial aggregates computed with different catalogues or bands.
    AggregateMismatch = "aggregate_mismatch", Error,
        "partial aggregates do not match: {detail}",
        "आंशिक योग मेल नहीं खाते: {detail}";
    /// Columns of a roster table with different lengths.
    ColumnLengthMismatch = "column_length_mismatch", Error,
        "column {column} has {found} rows, expected {expected}",
        "स्तंभ {column} में {found} पंक्तियाँ हैं, {expected} अपेक्षित थीं";

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
