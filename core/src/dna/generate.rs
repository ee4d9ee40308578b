//! Deterministic synthetic data for the pilot district (Madhubani: Bisfi,
//! Pandaul, Rajnagar; 63 villages).
//!
//! [`villages`] is the one list of villages every generator of the project
//! uses, so village codes join across the DNA records and the child roster.
//! [`district`] draws, from a seed, a "true" share per village and theme
//! (child marriage near Bihar's ~40 %, NFHS-5) and the records a DNA would
//! produce from it: focus groups that report close to the truth (children a
//! little higher), duty bearers who under-report, block officers lower still,
//! and official figures lowest of all — the usual finding of a DNA.
//!
//! The random source is a small SplitMix64, so the output is the same on every
//! platform and needs no dependency.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::places::{district_area, state_area, villages, PlaceInfo};

use super::catalogue::{DnaRules, EstimateUnit};
use super::model::*;
use super::triangulate::{collate, DnaDataset};
use crate::model::Sex;

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, good enough for synthetic data.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[lo, hi)`.
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform integer in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        let span = u64::from(hi.saturating_sub(lo)) + 1;
        lo + (self.next_u64() % span) as u32
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Normal draw (Box–Muller).
    pub fn normal(&mut self, mean: f64, sd: f64) -> f64 {
        let u1 = self.unit().max(1e-12);
        let u2 = self.unit();
        mean + sd * (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// The true shares (%) the records of one village were drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct VillageTruth {
    /// LGD code of the village.
    pub village_lgd_code: u32,
    /// True share per theme, in the theme's unit.
    pub shares: BTreeMap<String, f64>,
}

/// A synthetic district's DNA records, and the truth behind them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct District {
    /// Part I records, one per village.
    pub villages: Vec<DnaVillage>,
    /// Part II records, one per block.
    pub blocks: Vec<DnaBlock>,
    /// Secondary-data templates, one per block.
    pub secondary_data: Vec<SecondaryData>,
    /// Village collations.
    pub collations: Vec<VillageCollation>,
    /// The shares the records were drawn from.
    pub truth: Vec<VillageTruth>,
}

impl District {
    /// The records as a dataset for [`super::baseline`].
    pub fn dataset(&self) -> DnaDataset {
        DnaDataset {
            villages: self.villages.clone(),
            blocks: self.blocks.clone(),
            secondary_data: self.secondary_data.clone(),
        }
    }
}

/// Mean and spread of the true share per theme (%), and per-block shifts. (ours,
/// with child marriage near Bihar's NFHS-5 level.)
const THEMES: [(&str, f64, f64, [f64; 3]); 9] = [
    ("child_marriage", 40.0, 9.0, [4.0, -2.0, -2.0]),
    ("child_labour", 12.0, 5.0, [0.0, 2.0, -1.0]),
    ("dropout", 11.0, 5.0, [1.0, 0.0, 1.0]),
    ("violence_at_home", 35.0, 12.0, [0.0, 0.0, 0.0]),
    ("corporal_punishment", 40.0, 12.0, [0.0, 3.0, 0.0]),
    ("trafficking_migration", 4.0, 2.5, [0.0, 0.0, 2.0]),
    ("birth_registration", 22.0, 8.0, [2.0, 0.0, -2.0]),
    ("access_to_services", 30.0, 12.0, [3.0, 0.0, 0.0]),
    ("safe_spaces", 45.0, 15.0, [0.0, 0.0, 0.0]),
];

/// Themes each village duty bearer speaks to.
const DUTY_BEARERS: [(VillageDutyBearer, &[&str]); 3] = [
    (
        VillageDutyBearer::Teacher,
        &[
            "child_marriage",
            "child_labour",
            "dropout",
            "corporal_punishment",
        ],
    ),
    (
        VillageDutyBearer::Aww,
        &[
            "child_marriage",
            "birth_registration",
            "access_to_services",
            "violence_at_home",
        ],
    ),
    (
        VillageDutyBearer::Asha,
        &[
            "child_marriage",
            "birth_registration",
            "access_to_services",
            "trafficking_migration",
        ],
    ),
];

/// Block officers, the themes they answer on, and a commitment they might make.
const OFFICERS: [(BlockOfficer, &[&str], &str); 6] = [
    (
        BlockOfficer::Cdpo,
        &["child_marriage", "birth_registration"],
        "monthly review of adolescent girls' status in Anganwadi sectors",
    ),
    (
        BlockOfficer::Beo,
        &["dropout", "corporal_punishment"],
        "school-wise list of children out of school and re-enrolment drive",
    ),
    (
        BlockOfficer::Mo,
        &["birth_registration", "access_to_services"],
        "birth registration camps at the PHC and sub-centres",
    ),
    (
        BlockOfficer::Sho,
        &[
            "trafficking_migration",
            "violence_at_home",
            "child_marriage",
        ],
        "nodal officer for child marriage and missing children complaints",
    ),
    (
        BlockOfficer::Leo,
        &["child_labour", "trafficking_migration"],
        "inspections of brick kilns and eateries with the block team",
    ),
    (
        BlockOfficer::Bdo,
        &["safe_spaces", "access_to_services"],
        "place the village child protection plans before the Gram Sabha",
    ),
];

/// Official figures per theme: department, indicator, source.
const OFFICIAL: [(&str, Department, &str, &str); 7] = [
    (
        "child_marriage",
        Department::Icds,
        "girls married before 18 recorded in AWC surveys (%)",
        "ICDS monthly progress report",
    ),
    (
        "child_labour",
        Department::Labour,
        "children found working in inspections (% of children 5-17)",
        "labour department inspection register",
    ),
    (
        "dropout",
        Department::Education,
        "out-of-school children 6-14 (%)",
        "UDISE+",
    ),
    (
        "trafficking_migration",
        Department::Police,
        "children reported missing or trafficked (% of children)",
        "police station missing persons register",
    ),
    (
        "birth_registration",
        Department::Panchayat,
        "births not registered within a year (%)",
        "Civil Registration System",
    ),
    (
        "violence_at_home",
        Department::Police,
        "domestic violence complaints involving children (% of households)",
        "police station register",
    ),
    (
        "corporal_punishment",
        Department::Education,
        "complaints of corporal punishment (% of pupils)",
        "school grievance register",
    ),
];

const NOTES: [(&str, &str); 4] = [
    (
        "child_marriage",
        "girls are married soon after class 8; dowry rises with age",
    ),
    (
        "child_labour",
        "boys go with relatives to brick kilns after the harvest",
    ),
    (
        "dropout",
        "girls stop at class 8 when the secondary school is far",
    ),
    (
        "trafficking_migration",
        "adolescent boys leave for work in cities with agents",
    ),
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn evidence(
    rules: &DnaRules,
    rng: &mut SplitMix64,
    theme: &str,
    share: f64,
    lo: f64,
    hi: f64,
) -> Evidence {
    let estimate = round1((share * rng.uniform(lo, hi)).clamp(0.0, 100.0));
    Evidence {
        severity: rules.severity_of_estimate(theme, estimate).unwrap_or(0),
        estimate: Some(estimate),
        notes: NOTES
            .iter()
            .find(|n| n.0 == theme)
            .filter(|_| rng.chance(0.3))
            .map(|n| n.1.to_owned()),
    }
}

fn group(rng: &mut SplitMix64, bands: &[(Sex, u8, u8)]) -> FocusGroup {
    let participants = bands
        .iter()
        .map(|&(sex, age_from, age_to)| GroupBand {
            sex,
            age_from,
            age_to,
            count: rng.range(2, 5),
        })
        .collect();
    FocusGroup { participants }
}

fn village_record(
    rules: &DnaRules,
    rng: &mut SplitMix64,
    place: &PlaceInfo,
    shares: &BTreeMap<String, f64>,
    n: u32,
) -> DnaVillage {
    let findings = shares
        .iter()
        .map(|(theme, &share)| {
            // Children are not asked about registration or service access.
            let children_asked =
                !matches!(theme.as_str(), "birth_registration" | "access_to_services");
            Finding {
                theme: theme.clone(),
                adult_group: Some(evidence(rules, rng, theme, share, 0.85, 1.1)),
                children_group: children_asked
                    .then(|| evidence(rules, rng, theme, share, 0.9, 1.25)),
            }
        })
        .collect::<Vec<_>>();
    let mut interviews = Vec::new();
    for (role, themes) in DUTY_BEARERS {
        if rng.chance(0.04) {
            continue; // not available on the day: the record carries a warning
        }
        let evidence = themes
            .iter()
            .filter_map(|t| {
                let share = *shares.get(*t)?;
                let e = evidence(rules, rng, t, share, 0.35, 0.8);
                let groups = findings.iter().find(|f| f.theme == *t)?;
                let community = groups.adult_group.as_ref().map_or(0, |g| g.severity);
                Some(DutyBearerEvidence {
                    theme: (*t).to_owned(),
                    severity: e.severity,
                    estimate: e.estimate,
                    agrees_with_groups: e.severity >= community,
                    comment: None,
                })
            })
            .collect();
        interviews.push(Interview {
            role,
            date: None,
            evidence,
        });
    }
    let day = 1 + n % 28;
    DnaVillage {
        id: format!("DNA-V-{}", place.village.lgd_code),
        geography: place.geography(),
        date: date(2026, 8 + n / 32, day),
        groups: Groups {
            adult: group(
                rng,
                &[
                    (Sex::Female, 18, 35),
                    (Sex::Female, 36, 60),
                    (Sex::Male, 18, 35),
                    (Sex::Male, 36, 65),
                ],
            ),
            children: group(
                rng,
                &[
                    (Sex::Female, 10, 13),
                    (Sex::Female, 14, 17),
                    (Sex::Male, 10, 13),
                    (Sex::Male, 14, 17),
                ],
            ),
        },
        findings,
        interviews,
    }
}

fn block_means(truth: &[(PlaceInfo, BTreeMap<String, f64>)], block: u32) -> BTreeMap<String, f64> {
    let rows: Vec<&BTreeMap<String, f64>> = truth
        .iter()
        .filter(|(p, _)| p.block.lgd_code == block)
        .map(|(_, s)| s)
        .collect();
    let n = rows.len().max(1) as f64;
    let mut out = BTreeMap::new();
    for (theme, ..) in THEMES {
        out.insert(
            theme.to_owned(),
            rows.iter().filter_map(|s| s.get(theme)).sum::<f64>() / n,
        );
    }
    out
}

fn block_record(
    rules: &DnaRules,
    rng: &mut SplitMix64,
    place: &PlaceInfo,
    means: &BTreeMap<String, f64>,
) -> DnaBlock {
    let interviews = OFFICERS
        .iter()
        .map(|(officer, themes, action)| BlockInterview {
            officer: *officer,
            responses: themes
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let seen = means.get(*t).copied().unwrap_or(0.0) * rng.uniform(0.3, 0.6);
                    let acknowledges = rng.chance(0.6);
                    BlockResponse {
                        theme: (*t).to_owned(),
                        severity: rules.severity_of_estimate(t, seen),
                        acknowledges,
                        response: None,
                        commitments: if acknowledges && i == 0 {
                            vec![Commitment {
                                action: (*action).to_owned(),
                                by: Some(date(2027, 3, 31)),
                            }]
                        } else {
                            Vec::new()
                        },
                    }
                })
                .collect(),
        })
        .collect();
    DnaBlock {
        id: format!("DNA-B-{}", place.block.lgd_code),
        geography: place.block_geography(),
        date: date(2026, 10, 8 + place.block.lgd_code % 10),
        interviews,
    }
}

fn secondary_record(
    rng: &mut SplitMix64,
    place: &PlaceInfo,
    means: &BTreeMap<String, f64>,
) -> SecondaryData {
    let (from, to) = (date(2025, 4, 1), date(2026, 3, 31));
    let mut rows: Vec<SecondaryRow> = OFFICIAL
        .iter()
        .map(|(theme, department, indicator, source)| SecondaryRow {
            department: *department,
            indicator: (*indicator).to_owned(),
            theme: Some((*theme).to_owned()),
            value: round1(means.get(*theme).copied().unwrap_or(0.0) * rng.uniform(0.1, 0.35)),
            unit: EstimateUnit::Percent,
            village_lgd_code: None,
            period_from: from,
            period_to: to,
            source: (*source).to_owned(),
        })
        .collect();
    rows.push(SecondaryRow {
        department: Department::Police,
        indicator: "cases registered under the Prohibition of Child Marriage Act".to_owned(),
        theme: None,
        value: f64::from(rng.range(0, 3)),
        unit: EstimateUnit::Count,
        village_lgd_code: None,
        period_from: from,
        period_to: to,
        source: "police station FIR register".to_owned(),
    });
    SecondaryData {
        id: format!("SD-{}-2025-26", place.block.lgd_code),
        geography: place.block_geography(),
        collected_on: date(2026, 10, 20),
        rows,
    }
}

/// The synthetic district's DNA records from `seed` (same seed, same records),
/// drawn with the default rule profile's catalogue.
pub fn district(seed: u64) -> District {
    let rules = DnaRules::default();
    let mut rng = SplitMix64::new(seed);
    let places = villages();
    let truth: Vec<(PlaceInfo, BTreeMap<String, f64>)> = places
        .iter()
        .map(|p| {
            let b = (p.block.lgd_code % 10).saturating_sub(1) as usize;
            let shares = THEMES
                .iter()
                .map(|(theme, mu, sd, shift)| {
                    let s = rng.normal(mu + shift.get(b).copied().unwrap_or(0.0), *sd);
                    ((*theme).to_owned(), round1(s.clamp(0.5, 85.0)))
                })
                .collect();
            (p.clone(), shares)
        })
        .collect();
    let village_records: Vec<DnaVillage> = truth
        .iter()
        .enumerate()
        .map(|(n, (p, s))| village_record(&rules, &mut rng, p, s, n as u32))
        .collect();
    let mut blocks = Vec::new();
    let mut secondary_data = Vec::new();
    for p in places.iter().step_by(21) {
        let means = block_means(&truth, p.block.lgd_code);
        blocks.push(block_record(&rules, &mut rng, p, &means));
        secondary_data.push(secondary_record(&mut rng, p, &means));
    }
    let dataset = DnaDataset {
        villages: village_records,
        blocks,
        secondary_data,
    };
    let collations = dataset
        .villages
        .iter()
        .map(|v| collate(&rules, v, &dataset, date(2026, 10, 31)))
        .collect();
    District {
        villages: dataset.villages,
        blocks: dataset.blocks,
        secondary_data: dataset.secondary_data,
        collations,
        truth: truth
            .into_iter()
            .map(|(p, shares)| VillageTruth {
                village_lgd_code: p.village.lgd_code,
                shares,
            })
            .collect(),
    }
}

/// Seed of the shipped sample (`examples/district/dna/`).
pub const SAMPLE_SEED: u64 = 2026;

/// The shipped sample: from [`district`]`(SAMPLE_SEED)`, the three villages of
/// the first Gram Panchayat of each block (9 villages), with all three block
/// records, secondary-data templates and the nine collations.
pub fn sample() -> District {
    let mut d = district(SAMPLE_SEED);
    // Village codes end in 10/20/30 under GP 01 of each block: 2B01V0.
    let keep = |code: u32| (code / 100) % 100 == 1;
    let code = |g: &crate::model::Geography| g.village.as_ref().map_or(0, |v| v.lgd_code);
    d.villages.retain(|v| keep(code(&v.geography)));
    d.collations.retain(|c| keep(code(&c.geography)));
    d.truth.retain(|t| keep(t.village_lgd_code));
    d
}
