//! The shipped benchmark frame `jj-2016-cci`: the minimum standards of care of
//! the JJ Act 2015 and the JJ (Care and Protection of Children) Model Rules
//! 2016, as items a review team can score 0–3 with evidence. Domain and item
//! weights, critical items and bands are this project's choices (ours); a
//! state or agency supplies its own frame as a `cci_frame` record.

use super::model::*;

fn s(x: &str) -> String {
    x.to_owned()
}

/// (id, English, Hindi, reference, weight, critical, N/A allowed)
type ItemRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    f64,
    bool,
    bool,
);

fn domain(id: &str, en: &str, hi: &str, weight: f64, items: &[ItemRow]) -> FrameDomain {
    FrameDomain {
        id: s(id),
        title_en: s(en),
        title_hi: s(hi),
        weight,
        items: items
            .iter()
            .map(
                |&(item, text_en, text_hi, reference, weight, critical, na_allowed)| FrameItem {
                    id: format!("{id}.{item}"),
                    text_en: s(text_en),
                    text_hi: s(text_hi),
                    reference: s(reference),
                    weight,
                    critical,
                    na_allowed,
                },
            )
            .collect(),
    }
}

/// The shipped frame.
pub fn default_frame() -> CciFrame {
    let scale = [
        (0, "not met", "पूरा नहीं"),
        (1, "partly met", "आंशिक रूप से पूरा"),
        (2, "mostly met", "अधिकांशतः पूरा"),
        (3, "fully met", "पूर्णतः पूरा"),
    ]
    .into_iter()
    .map(|(value, en, hi)| ScaleLevel {
        value,
        en: s(en),
        hi: s(hi),
    })
    .collect();
    let bands = [
        ("good", "good", "अच्छा", 75.0),
        ("satisfactory", "satisfactory", "संतोषजनक", 55.0),
        ("needs_improvement", "needs improvement", "सुधार आवश्यक", 35.0),
        ("poor", "poor", "खराब", 0.0),
    ]
    .into_iter()
    .map(|(id, en, hi, min_score)| Band {
        id: s(id),
        en: s(en),
        hi: s(hi),
        min_score,
    })
    .collect();
    let domains = vec![
        domain(
            "governance",
            "registration and governance",
            "पंजीकरण और प्रबंधन",
            1.0,
            &[
                (
                    "registered",
                    "the institution is registered under the JJ Act",
                    "संस्था किशोर न्याय अधिनियम के अंतर्गत पंजीकृत है",
                    "JJ Act 2015 s.41",
                    1.0,
                    true,
                    false,
                ),
                (
                    "management_committee",
                    "the management committee meets every month and reviews care",
                    "प्रबंधन समिति हर माह बैठक कर देखभाल की समीक्षा करती है",
                    "JJ Model Rules 2016 r.39",
                    1.0,
                    false,
                    false,
                ),
                (
                    "registers",
                    "the registers required by the Act and rules are kept and signed",
                    "अधिनियम और नियमों के अनुसार आवश्यक रजिस्टर रखे और हस्ताक्षरित हैं",
                    "JJ Model Rules 2016 r.39(4)(xix)",
                    1.0,
                    false,
                    false,
                ),
                (
                    "inspection",
                    "the inspection committee has visited in the last three months",
                    "निरीक्षण समिति ने पिछले तीन माह में दौरा किया है",
                    "JJ Act 2015 s.54",
                    0.5,
                    false,
                    false,
                ),
            ],
        ),
        domain(
            "infrastructure",
            "physical infrastructure and hygiene",
            "भौतिक ढाँचा और स्वच्छता",
            1.0,
            &[
                (
                    "space",
                    "dormitories, classrooms and sick room meet the space norms",
                    "शयनकक्ष, कक्षाएँ और बीमार कक्ष स्थान मानकों के अनुसार हैं",
                    "JJ Model Rules 2016 r.29",
                    1.0,
                    false,
                    false,
                ),
                (
                    "separation",
                    "girls and boys sleep and bathe separately, and age groups are kept apart",
                    "लड़कियाँ और लड़के अलग सोते और नहाते हैं, आयु समूह अलग रखे जाते हैं",
                    "JJ Model Rules 2016 r.29",
                    1.0,
                    true,
                    false,
                ),
                (
                    "sanitation",
                    "toilets, bathing, safe drinking water and cleanliness are adequate",
                    "शौचालय, स्नान, सुरक्षित पेयजल और स्वच्छता पर्याप्त हैं",
                    "JJ Model Rules 2016 r.31",
                    1.0,
                    false,
                    false,
                ),
            ],
        ),
        domain(
            "basic_needs",
            "food, clothing and daily routine",
            "भोजन, वस्त्र और दिनचर्या",
            1.0,
            &[
                (
                    "nutrition",
                    "meals follow the diet scale, four meals a day",
                    "भोजन आहार तालिका के अनुसार, दिन में चार बार",
                    "JJ Model Rules 2016 r.33",
                    1.0,
                    false,
                    false,
                ),
                (
                    "clothing",
                    "clothing, bedding and toiletries are given as per the scale",
                    "वस्त्र, बिस्तर और प्रसाधन सामग्री मानक के अनुसार दी जाती है",
                    "JJ Model Rules 2016 r.30",
                    1.0,
                    false,
                    false,
                ),
                (
                    "routine",
                    "a daily routine is displayed and followed",
                    "दैनिक दिनचर्या प्रदर्शित है और उसका पालन होता है",
                    "JJ Model Rules 2016 r.32",
                    0.5,
                    false,
                    false,
                ),
            ],
        ),
        domain(
            "health",
            "health and mental health",
            "स्वास्थ्य और मानसिक स्वास्थ्य",
            1.0,
            &[
                (
                    "medical",
                    "every child is examined on admission and checked every month",
                    "हर बच्चे की प्रवेश पर जाँच और हर माह स्वास्थ्य जाँच होती है",
                    "JJ Model Rules 2016 r.34",
                    1.0,
                    false,
                    false,
                ),
                (
                    "mental_health",
                    "children have access to counselling and mental health care",
                    "बच्चों को परामर्श और मानसिक स्वास्थ्य सेवा उपलब्ध है",
                    "JJ Model Rules 2016 r.35",
                    1.0,
                    false,
                    false,
                ),
            ],
        ),
        domain(
            "development",
            "education, skills and recreation",
            "शिक्षा, कौशल और मनोरंजन",
            1.0,
            &[
                (
                    "education",
                    "every child of school age attends school or learning",
                    "विद्यालय आयु का हर बच्चा विद्यालय या शिक्षा में है",
                    "JJ Model Rules 2016 r.36",
                    1.0,
                    false,
                    false,
                ),
                (
                    "vocational",
                    "older children receive vocational training",
                    "बड़े बच्चों को व्यावसायिक प्रशिक्षण मिलता है",
                    "JJ Model Rules 2016 r.37",
                    0.5,
                    false,
                    true,
                ),
                (
                    "recreation",
                    "children have daily play, sport and cultural activities",
                    "बच्चों के लिए रोज़ खेल, व्यायाम और सांस्कृतिक गतिविधियाँ हैं",
                    "JJ Model Rules 2016 r.38",
                    0.5,
                    false,
                    false,
                ),
            ],
        ),
        domain(
            "care_planning",
            "individual care and rehabilitation",
            "व्यक्तिगत देखभाल और पुनर्वास",
            1.2,
            &[
                (
                    "icp",
                    "every child has an individual care plan, reviewed regularly",
                    "हर बच्चे की व्यक्तिगत देखभाल योजना है, जिसकी नियमित समीक्षा होती है",
                    "JJ Model Rules 2016 Form 7",
                    1.0,
                    false,
                    false,
                ),
                (
                    "case_files",
                    "every child has a case file with CWC or JJB orders",
                    "हर बच्चे की केस फ़ाइल में CWC या JJB के आदेश हैं",
                    "ours",
                    1.0,
                    false,
                    false,
                ),
                (
                    "restoration",
                    "family tracing and restoration are pursued for every child",
                    "हर बच्चे के परिवार की खोज और पुनर्स्थापन के प्रयास होते हैं",
                    "JJ Act 2015 s.40",
                    1.0,
                    false,
                    false,
                ),
                (
                    "aftercare",
                    "children leaving at 18 are linked to aftercare",
                    "18 वर्ष पर निकलने वाले बच्चे पश्चात देखभाल से जोड़े जाते हैं",
                    "JJ Act 2015 s.46",
                    0.5,
                    false,
                    true,
                ),
            ],
        ),
        domain(
            "safety",
            "safety and protection",
            "सुरक्षा और संरक्षण",
            1.5,
            &[
                (
                    "no_corporal_punishment",
                    "no child is subjected to corporal punishment",
                    "किसी बच्चे को शारीरिक दंड नहीं दिया जाता",
                    "JJ Act 2015 s.82",
                    1.0,
                    true,
                    false,
                ),
                (
                    "staff_vetting",
                    "every staff member is police-verified before joining",
                    "हर कर्मचारी का नियुक्ति से पहले पुलिस सत्यापन हुआ है",
                    "ours",
                    1.0,
                    true,
                    false,
                ),
                (
                    "complaints",
                    "children can complain safely (suggestion box, visits by CWC)",
                    "बच्चे सुरक्षित रूप से शिकायत कर सकते हैं (सुझाव पेटी, CWC दौरे)",
                    "ours",
                    1.0,
                    false,
                    false,
                ),
                (
                    "abuse_reporting",
                    "abuse is reported to the police and CWC at once",
                    "दुर्व्यवहार की सूचना तुरंत पुलिस और CWC को दी जाती है",
                    "POCSO 2012 s.19",
                    1.0,
                    true,
                    false,
                ),
            ],
        ),
        domain(
            "participation",
            "children's participation",
            "बाल सहभागिता",
            0.8,
            &[
                (
                    "committees",
                    "children's committees meet and are heard by the management",
                    "बाल समितियाँ बैठक करती हैं और प्रबंधन उनकी बात सुनता है",
                    "JJ Model Rules 2016 r.40",
                    1.0,
                    false,
                    false,
                ),
                (
                    "views_in_plans",
                    "children's views are recorded in their care plans",
                    "बच्चों के विचार उनकी देखभाल योजना में दर्ज होते हैं",
                    "ours",
                    0.5,
                    false,
                    false,
                ),
            ],
        ),
    ];
    CciFrame {
        id: s("jj-2016-cci"),
        version: s("2026.1"),
        title_en: s("Minimum standards of care in child care institutions (JJ Act 2015, JJ Model Rules 2016)"),
        title_hi: s("बाल देखरेख संस्थाओं में देखभाल के न्यूनतम मानक (किशोर न्याय अधिनियम 2015, आदर्श नियम 2016)"),
        scale,
        critical_pass: 2,
        bands,
        critical_cap: s("needs_improvement"),
        domains,
    }
}
