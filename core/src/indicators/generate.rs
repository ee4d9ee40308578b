//! A deterministic synthetic child roster for the pilot district (Madhubani:
//! Bisfi, Pandaul, Rajnagar; 63 villages), for the shipped sample, tests and
//! benchmarks.
//!
//! Each village's true rates come from the DNA generator's village truth
//! ([`crate::dna::generate::district`]), so the roster and the village
//! evidence tell the same story: child marriage of women 20–24 before 18
//! near Bihar's ~40 % (NFHS-5), birth registration under 5 near 75 %, child
//! labour (CALPRA ages) and out-of-school 6–14 in single digits. Within a
//! village every row of an indicator's denominator is in its numerator with
//! exactly the village rate, so tests can check the engine recovers them.

use chrono::NaiveDate;

use super::columns::RosterColumns;
use super::roster::{MaritalStatus, RosterRow, Work};
use crate::dna::generate::{district, district_area, villages, SplitMix64};
use crate::model::{SchoolStatus, Sex, SocialGroup};

/// Seed of the shipped sample (`examples/district/roster.csv`).
pub const SAMPLE_SEED: u64 = 2026;
/// Households per village in the shipped sample.
pub const SAMPLE_HOUSEHOLDS: u32 = 18;
/// Most households per village a front end that materialises every row (a
/// Python list of dicts, ~1 KB a row) may ask for: 2 000 households in 63
/// villages are ~430 000 rows. [`roster_columns`] has no such cap.
pub const MAX_SAMPLE_HOUSEHOLDS: u32 = 2_000;

/// A requested sample size checked against [`MAX_SAMPLE_HOUSEHOLDS`]: an
/// `out_of_range` diagnostic at `/households` when it is negative or above.
pub fn sample_households(households: i64) -> Result<u32, crate::Error> {
    if let Some(n) = u32::try_from(households)
        .ok()
        .filter(|n| *n <= MAX_SAMPLE_HOUSEHOLDS)
    {
        return Ok(n);
    }
    Err(crate::Error::input(crate::Diagnostic::new(
        crate::Code::OutOfRange,
        "/households",
        crate::diagnostic::Params::new()
            .with("field", "households")
            .with("value", households)
            .with("range", format!("0–{MAX_SAMPLE_HOUSEHOLDS}")),
        crate::Locale::En,
    )))
}

/// True rates (proportions) of one village, by built-in indicator.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct VillageRates {
    /// Village LGD code.
    pub village: u32,
    /// Block LGD code.
    pub block: u32,
    /// `sdg_5_3_1_before_18`.
    pub married_before_18: f64,
    /// `sdg_5_3_1_before_15`.
    pub married_before_15: f64,
    /// `sdg_16_9_1`.
    pub birth_registered: f64,
    /// `child_labour_calpra`.
    pub child_labour: f64,
    /// `out_of_school_6_14`.
    pub out_of_school: f64,
    /// `girls_15_17_married`.
    pub girls_married: f64,
}

impl VillageRates {
    /// The rate of a built-in indicator by id.
    pub fn get(&self, id: &str) -> Option<f64> {
        Some(match id {
            "sdg_5_3_1_before_18" => self.married_before_18,
            "sdg_5_3_1_before_15" => self.married_before_15,
            "sdg_16_9_1" => self.birth_registered,
            "child_labour_calpra" => self.child_labour,
            "out_of_school_6_14" => self.out_of_school,
            "girls_15_17_married" => self.girls_married,
            _ => return None,
        })
    }
}

/// The true rates of every village for `seed` (from the DNA generator's truth).
pub fn village_rates(seed: u64) -> Vec<VillageRates> {
    let truth = district(seed).truth;
    villages()
        .iter()
        .map(|p| {
            let share = |theme: &str, default: f64| {
                truth
                    .iter()
                    .find(|t| t.village_lgd_code == p.village.lgd_code)
                    .and_then(|t| t.shares.get(theme))
                    .map_or(default, |s| s / 100.0)
            };
            let cm = share("child_marriage", 0.40).clamp(0.05, 0.8);
            VillageRates {
                village: p.village.lgd_code,
                block: p.block.lgd_code,
                married_before_18: cm,
                married_before_15: cm * 0.2,
                // The DNA theme is the share of births *not* registered.
                birth_registered: (1.0 - share("birth_registration", 0.25)).clamp(0.3, 0.99),
                child_labour: (share("child_labour", 0.12) * 0.5).clamp(0.005, 0.4),
                out_of_school: (share("dropout", 0.11) * 0.7).clamp(0.005, 0.4),
                girls_married: (cm * 0.3).clamp(0.01, 0.5),
            }
        })
        .collect()
}

/// The survey date of the synthetic roster.
pub fn survey_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default()
}

/// Draw the roster rows: `households` households per village (members aged 0–24 only).
pub fn roster_rows(seed: u64, households: u32) -> Vec<RosterRow> {
    let mut out = Vec::new();
    generate(seed, households, |row| out.push(row));
    out
}

/// Draw the roster straight into columns (for millions of rows: no row list is kept).
pub fn roster_columns(seed: u64, households: u32) -> RosterColumns {
    let mut cols = RosterColumns::default();
    generate(seed, households, |row| cols.push(&row));
    cols
}

fn generate(seed: u64, households: u32, mut emit: impl FnMut(RosterRow)) {
    let rates = village_rates(seed);
    let district_code = district_area().lgd_code;
    let mut rng = SplitMix64::new(seed ^ 0x005E_ED0F_C41D);
    for r in &rates {
        for h in 0..households {
            let household = format!("H{}-{:05}", r.village, h + 1);
            let social = pick_social(&mut rng);
            let members = 1 + rng.range(0, 4) + u32::from(rng.chance(0.4));
            for _ in 0..members {
                let row = person(&mut rng, r, social);
                emit(RosterRow {
                    district: district_code,
                    block: r.block,
                    village: r.village,
                    household: household.clone(),
                    ..row
                });
            }
        }
    }
}

fn pick_social(rng: &mut SplitMix64) -> SocialGroup {
    // Bihar, roughly: SC 16 %, ST 1 %, OBC 60 %, other 23 %.
    match rng.unit() {
        u if u < 0.16 => SocialGroup::Sc,
        u if u < 0.17 => SocialGroup::St,
        u if u < 0.77 => SocialGroup::Obc,
        _ => SocialGroup::Other,
    }
}

fn person(rng: &mut SplitMix64, r: &VillageRates, social: SocialGroup) -> RosterRow {
    // A young population: ages 0–24, slightly more children than young adults.
    let age = u8::try_from(rng.range(0, 24).min(rng.range(0, 30))).unwrap_or(0);
    let sex = match rng.unit() {
        u if u < 0.001 => Sex::Other,
        u if u < 0.5 => Sex::Female,
        _ => Sex::Male,
    };
    let mut row = RosterRow {
        district: 0,
        block: 0,
        village: 0,
        household: String::new(),
        sex,
        age: Some(age),
        birth_date: None,
        survey_date: Some(survey_date()),
        school_status: None,
        work: Work::None,
        work_hours: None,
        marital_status: MaritalStatus::NeverMarried,
        age_at_marriage: None,
        birth_registered: None,
        disability: rng.chance(0.02),
        social_group: Some(social),
        chores_hours: None,
        weight: None,
        stratum: None,
        cluster: None,
    };
    row.school_status = school(rng, age, r.out_of_school);
    row.work = work(rng, age, r.child_labour);
    if row.work != Work::None {
        row.work_hours = Some(u8::try_from(rng.range(6, 48)).unwrap_or(20));
    }
    if age < 5 {
        row.birth_registered = if rng.chance(r.birth_registered) {
            Some(true)
        } else if rng.chance(0.1) {
            None
        } else {
            Some(false)
        };
    }
    marriage(rng, &mut row, age, r);
    // Unpaid household chores, asked from age 5: girls carry more of them.
    if age >= 5 {
        let most = if sex == Sex::Female { 30 } else { 16 };
        row.chores_hours = Some(u8::try_from(rng.range(0, most)).unwrap_or(0));
    }
    row
}

fn school(rng: &mut SplitMix64, age: u8, out_of_school: f64) -> Option<SchoolStatus> {
    let attending = |rng: &mut SplitMix64| {
        if rng.chance(0.15) {
            SchoolStatus::Irregular
        } else {
            SchoolStatus::Attending
        }
    };
    let out = |rng: &mut SplitMix64| {
        if rng.chance(0.6) {
            SchoolStatus::DroppedOut
        } else {
            SchoolStatus::NeverEnrolled
        }
    };
    Some(match age {
        0..=2 => return None,
        3..=5 => {
            if rng.chance(0.5) {
                SchoolStatus::NotOfSchoolAge
            } else {
                attending(rng)
            }
        }
        6..=14 if rng.chance(out_of_school) => out(rng),
        6..=14 => attending(rng),
        15..=17 if rng.chance((out_of_school * 3.0).min(0.9)) => out(rng),
        15..=17 => attending(rng),
        _ => return None,
    })
}

fn work(rng: &mut SplitMix64, age: u8, labour: f64) -> Work {
    match age {
        0..=4 => Work::None,
        // Under 14: any work except family help is child labour (CALPRA s.3).
        5..=13 if rng.chance(labour) => {
            if rng.chance(0.3) {
                Work::Hazardous
            } else {
                Work::NonHazardous
            }
        }
        5..=13 if rng.chance(0.08) => Work::FamilyEnterprise,
        5..=13 => Work::None,
        // 14–17: only hazardous work is prohibited (s.3A).
        14..=17 if rng.chance(labour) => Work::Hazardous,
        14..=17 if rng.chance(0.15) => Work::NonHazardous,
        14..=17 => Work::None,
        _ if rng.chance(0.45) => Work::NonHazardous,
        _ => Work::None,
    }
}

fn marriage(rng: &mut SplitMix64, row: &mut RosterRow, age: u8, r: &VillageRates) {
    let married_at =
        |rng: &mut SplitMix64, lo: u32, hi: u32| u8::try_from(rng.range(lo, hi)).unwrap_or(18);
    let at = match (row.sex, age) {
        (Sex::Female, 20..=24) => {
            if rng.chance(r.married_before_18) {
                let before_15 = r.married_before_15 / r.married_before_18;
                Some(if rng.chance(before_15) {
                    married_at(rng, 12, 14)
                } else {
                    married_at(rng, 15, 17)
                })
            } else if rng.chance(0.55) {
                Some(married_at(rng, 18, u32::from(age)))
            } else {
                None
            }
        }
        (Sex::Female, 15..=17) if rng.chance(r.girls_married) => {
            Some(married_at(rng, 13, u32::from(age)))
        }
        (Sex::Male, 18..=24) if rng.chance(0.04 * f64::from(age - 17)) => {
            Some(married_at(rng, 17, u32::from(age)))
        }
        _ => None,
    };
    if let Some(at) = at {
        row.age_at_marriage = Some(at);
        row.marital_status = if rng.chance(0.015) {
            MaritalStatus::Widowed
        } else {
            MaritalStatus::Married
        };
        // Girls 15-17 "currently married" must be exactly the drawn rate.
        if age < 18 {
            row.marital_status = MaritalStatus::Married;
        }
    }
}
