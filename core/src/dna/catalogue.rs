//! The data behind the District Need Assessment: the theme catalogue, the
//! severity scale (labels in English and Hindi), plausible focus-group sizes,
//! the duty bearers every village must interview, and the weights of the
//! triangulation, vulnerability index and DCPP priorities.
//!
//! It lives in the rule profile (`RuleProfile::dna`), so a caller extends it
//! with the same JSON merge patch as every other rule. Themes are a map keyed
//! by id precisely so a patch can add one theme without restating the others:
//! `{"dna": {"themes": {"open_wells": {...}}}}`.
//!
//! Written as Rust values, like the rest of the default profile, so the shipped
//! data cannot fail to load. Items marked (ours) are this project's choices.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::{SourceKind, VillageDutyBearer};

/// How a theme's estimate is expressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EstimateUnit {
    /// A share of the children concerned, 0–100.
    Percent,
    /// A number of children or events.
    Count,
}

impl EstimateUnit {
    /// The snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            EstimateUnit::Percent => "percent",
            EstimateUnit::Count => "count",
        }
    }
}

/// One theme of the assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Title in English.
    pub title_en: String,
    /// Title in Hindi.
    pub title_hi: String,
    /// What an estimate for this theme measures, in English (always oriented so
    /// that higher is worse, e.g. births *not* registered).
    pub estimate_en: String,
    /// The same, in Hindi.
    pub estimate_hi: String,
    /// Unit of estimates and of official figures for this theme.
    pub unit: EstimateUnit,
    /// Estimate thresholds for severity 1, 2, ... (ascending): an estimate at or
    /// above the i-th cut has at least severity i+1. Used to read official
    /// figures on the severity scale. (ours)
    #[schemars(length(min = 1))]
    pub severity_cuts: Vec<f64>,
    /// Weight of the theme in the village vulnerability index. (ours)
    #[schemars(range(min = 0, max = 100))]
    pub weight: f64,
}

/// One level of the severity scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeverityLevel {
    /// The value recorded on the form.
    pub value: u8,
    /// Label in English.
    pub en: String,
    /// Label in Hindi.
    pub hi: String,
}

/// Plausible focus-group size and the ages that separate children from adults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupRules {
    /// Fewest participants a focus group usually has. (practice)
    pub min_size: u32,
    /// Most participants a focus group usually has. (practice)
    pub max_size: u32,
    /// Youngest age admitted to a children's group. (ours)
    pub children_min_age: u8,
}

/// Weights of the triangulation and of the DCPP priorities. (ours)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DnaWeights {
    /// Weight of each source in a village's consolidated severity of a theme.
    pub sources: BTreeMap<SourceKind, f64>,
    /// A village is "affected" by a theme at or above this severity (for reach).
    pub affected_from: u8,
    /// Priority weight of the district mean severity.
    #[schemars(range(min = 0, max = 100))]
    pub priority_severity: f64,
    /// Priority weight of reach (share of villages affected).
    #[schemars(range(min = 0, max = 100))]
    pub priority_reach: f64,
    /// Priority weight of the evidence gap (community above official).
    #[schemars(range(min = 0, max = 100))]
    pub priority_gap: f64,
}

/// Everything the DNA needs from the rule profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DnaRules {
    /// The theme catalogue, by id.
    pub themes: BTreeMap<String, Theme>,
    /// The severity scale, from none (0) upward, in order.
    #[schemars(length(min = 2))]
    pub severity: Vec<SeverityLevel>,
    /// Focus-group rules.
    pub groups: GroupRules,
    /// Duty bearers every village interviews (Part I).
    pub required_duty_bearers: Vec<VillageDutyBearer>,
    /// Triangulation and priority weights.
    pub weights: DnaWeights,
}

impl DnaRules {
    /// Highest value of the severity scale.
    pub fn max_severity(&self) -> u8 {
        self.severity.iter().map(|l| l.value).max().unwrap_or(0)
    }

    /// Lowest value of the severity scale.
    pub fn min_severity(&self) -> u8 {
        self.severity.iter().map(|l| l.value).min().unwrap_or(0)
    }

    /// The theme ids, sorted.
    pub fn theme_ids(&self) -> Vec<String> {
        self.themes.keys().cloned().collect()
    }

    /// Read an estimate of `theme` on the severity scale through its cuts.
    pub fn severity_of_estimate(&self, theme: &str, estimate: f64) -> Option<u8> {
        let t = self.themes.get(theme)?;
        if t.severity_cuts.is_empty() {
            return None;
        }
        let above = t.severity_cuts.iter().filter(|c| estimate >= **c).count();
        let level = u8::try_from(above).unwrap_or(u8::MAX);
        Some(level.min(self.max_severity()))
    }
}

fn s(x: &str) -> String {
    x.to_owned()
}

#[allow(clippy::too_many_arguments)]
fn theme(en: &str, hi: &str, est_en: &str, est_hi: &str, cuts: [f64; 4], weight: f64) -> Theme {
    Theme {
        title_en: s(en),
        title_hi: s(hi),
        estimate_en: s(est_en),
        estimate_hi: s(est_hi),
        unit: EstimateUnit::Percent,
        severity_cuts: cuts.to_vec(),
        weight,
    }
}

impl Default for DnaRules {
    fn default() -> DnaRules {
        // Cuts are shares (%) at which a theme reads as low/moderate/high/severe.
        // Child marriage cuts sit around the NFHS-5 levels (India 23 %, Bihar ~40 %).
        let themes = BTreeMap::from([
            (
                s("child_marriage"),
                theme(
                    "child marriage",
                    "बाल विवाह",
                    "share of girls married before 18 (%)",
                    "18 वर्ष से पहले विवाहित लड़कियों का प्रतिशत",
                    [5.0, 15.0, 30.0, 45.0],
                    1.5,
                ),
            ),
            (
                s("child_labour"),
                theme(
                    "child labour",
                    "बाल श्रम",
                    "share of children 5-17 in work (%)",
                    "काम करने वाले 5-17 वर्ष के बच्चों का प्रतिशत",
                    [3.0, 8.0, 15.0, 25.0],
                    1.2,
                ),
            ),
            (
                s("dropout"),
                theme(
                    "school dropout",
                    "विद्यालय छोड़ना",
                    "share of children 6-14 out of school (%)",
                    "विद्यालय से बाहर 6-14 वर्ष के बच्चों का प्रतिशत",
                    [3.0, 8.0, 15.0, 25.0],
                    1.2,
                ),
            ),
            (
                s("violence_at_home"),
                theme(
                    "violence at home",
                    "घर में हिंसा",
                    "share of children facing violence at home (%)",
                    "घर में हिंसा झेलने वाले बच्चों का प्रतिशत",
                    [10.0, 25.0, 45.0, 65.0],
                    1.0,
                ),
            ),
            (
                s("corporal_punishment"),
                theme(
                    "corporal punishment at school",
                    "विद्यालय में शारीरिक दंड",
                    "share of pupils punished physically (%)",
                    "शारीरिक दंड पाने वाले विद्यार्थियों का प्रतिशत",
                    [10.0, 25.0, 45.0, 65.0],
                    0.8,
                ),
            ),
            (
                s("trafficking_migration"),
                theme(
                    "trafficking and unsafe migration",
                    "तस्करी और असुरक्षित पलायन",
                    "share of children who migrated for work unaccompanied (%)",
                    "काम के लिए अकेले पलायन करने वाले बच्चों का प्रतिशत",
                    [1.0, 3.0, 6.0, 10.0],
                    1.3,
                ),
            ),
            (
                s("birth_registration"),
                theme(
                    "birth registration",
                    "जन्म पंजीकरण",
                    "share of children under 5 whose birth is not registered (%)",
                    "5 वर्ष से कम आयु के अपंजीकृत जन्म वाले बच्चों का प्रतिशत",
                    [5.0, 15.0, 30.0, 50.0],
                    0.8,
                ),
            ),
            (
                s("access_to_services"),
                theme(
                    "access to services",
                    "सेवाओं तक पहुँच",
                    "share of families unable to reach child services (%)",
                    "बाल सेवाओं तक न पहुँच पाने वाले परिवारों का प्रतिशत",
                    [10.0, 25.0, 45.0, 65.0],
                    0.8,
                ),
            ),
            (
                s("safe_spaces"),
                theme(
                    "safe spaces for children",
                    "बच्चों के लिए सुरक्षित स्थान",
                    "share of children without a safe place to play or meet (%)",
                    "खेलने या मिलने के सुरक्षित स्थान से वंचित बच्चों का प्रतिशत",
                    [10.0, 25.0, 45.0, 65.0],
                    0.6,
                ),
            ),
        ]);
        let severity = [
            (0, "none", "कोई समस्या नहीं"),
            (1, "low", "कम"),
            (2, "moderate", "मध्यम"),
            (3, "high", "अधिक"),
            (4, "severe", "गंभीर"),
        ]
        .into_iter()
        .map(|(value, en, hi)| SeverityLevel {
            value,
            en: s(en),
            hi: s(hi),
        })
        .collect();
        DnaRules {
            themes,
            severity,
            groups: GroupRules {
                min_size: 6,
                max_size: 25,
                children_min_age: 8,
            },
            required_duty_bearers: vec![
                VillageDutyBearer::Teacher,
                VillageDutyBearer::Aww,
                VillageDutyBearer::Asha,
            ],
            weights: DnaWeights {
                // Community evidence is the assessment's primary source; duty
                // bearers and official figures are read against it. (ours)
                sources: BTreeMap::from([
                    (SourceKind::AdultGroup, 1.0),
                    (SourceKind::ChildrenGroup, 1.0),
                    (SourceKind::Teacher, 0.5),
                    (SourceKind::Aww, 0.5),
                    (SourceKind::Asha, 0.5),
                    (SourceKind::OtherDutyBearer, 0.25),
                    (SourceKind::Official, 0.25),
                ]),
                affected_from: 3,
                priority_severity: 0.5,
                priority_reach: 0.3,
                priority_gap: 0.2,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_catalogue_is_consistent() {
        let r = DnaRules::default();
        assert_eq!(r.themes.len(), 9);
        assert_eq!((r.min_severity(), r.max_severity()), (0, 4));
        for (id, t) in &r.themes {
            assert_eq!(t.severity_cuts.len(), usize::from(r.max_severity()), "{id}");
            assert!(t.severity_cuts.windows(2).all(|w| w[0] < w[1]), "{id}");
            assert!(t.weight > 0.0);
        }
    }

    #[test]
    fn a_bad_patch_is_refused_with_a_path() {
        let patch = serde_json::json!({"dna": {"themes": {"child_marriage": {"weight": -1}}}});
        let report = crate::RuleProfile::from_json_patch(&patch)
            .err()
            .unwrap_or_default();
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(
            report.diagnostics[0].path,
            "/dna/themes/child_marriage/weight"
        );
    }

    #[test]
    fn estimates_read_on_the_scale() {
        let r = DnaRules::default();
        assert_eq!(r.severity_of_estimate("child_marriage", 0.0), Some(0));
        assert_eq!(r.severity_of_estimate("child_marriage", 15.0), Some(2));
        assert_eq!(r.severity_of_estimate("child_marriage", 40.0), Some(3));
        assert_eq!(r.severity_of_estimate("child_marriage", 90.0), Some(4));
        assert_eq!(r.severity_of_estimate("nope", 1.0), None);
    }
}
