//! The synthetic pilot geography: Madhubani district (Bihar), blocks Bisfi,
//! Pandaul and Rajnagar, 7 Gram Panchayats per block and 3 villages per Gram
//! Panchayat, 63 villages in all (domain.md §1).
//!
//! Names are Mithila place names chosen to look right; the codes are
//! LGD-*like* (numeric, unique, nested by prefix) but are **not** the real
//! Local Government Directory codes. Every generator of the project (DNA
//! records here, the child roster in `indicators`) takes its villages from
//! [`villages`], so the codes join across datasets.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Area, Geography};

/// One village of the synthetic district, with its block and Gram Panchayat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceInfo {
    /// The block.
    pub block: Area,
    /// The Gram Panchayat.
    pub gram_panchayat: Area,
    /// The village.
    pub village: Area,
    /// Number of households (synthetic, 150–600), for generators sizing a roster.
    pub households: u32,
}

impl PlaceInfo {
    /// The full geography of the village (state and district included).
    pub fn geography(&self) -> Geography {
        Geography {
            state: state_area(),
            district: district_area(),
            block: Some(self.block.clone()),
            gram_panchayat: Some(self.gram_panchayat.clone()),
            village: Some(self.village.clone()),
        }
    }

    /// The geography down to the block only (for block-level records).
    pub fn block_geography(&self) -> Geography {
        Geography {
            state: state_area(),
            district: district_area(),
            block: Some(self.block.clone()),
            gram_panchayat: None,
            village: None,
        }
    }
}

fn area(lgd_code: u32, name: &str) -> Area {
    Area {
        lgd_code,
        name: name.to_owned(),
    }
}

/// Bihar (LGD state code 10).
pub fn state_area() -> Area {
    area(10, "Bihar")
}

/// Madhubani district (synthetic code).
pub fn district_area() -> Area {
    area(223, "Madhubani")
}

/// Blocks with (synthetic) codes, and their Gram Panchayats.
const BLOCKS: [(u32, &str, [&str; 7]); 3] = [
    (
        2301,
        "Bisfi",
        [
            "Bisfi", "Bhaur", "Rathos", "Parsauni", "Singhia", "Korian", "Sahsaula",
        ],
    ),
    (
        2302,
        "Pandaul",
        [
            "Pandaul",
            "Sarisab Pahi",
            "Bhatsimri",
            "Lohat",
            "Mahthaur",
            "Sagarpur",
            "Rampatti",
        ],
    ),
    (
        2303,
        "Rajnagar",
        [
            "Rajnagar",
            "Simri",
            "Bhaunrah",
            "Kataiya",
            "Mangrauni",
            "Pokharauni",
            "Rampur",
        ],
    ),
];

/// Two further villages in each Gram Panchayat, in block and GP order.
const OTHER_VILLAGES: [&str; 42] = [
    "Basauli",
    "Chanaur",
    "Dhanga",
    "Ekhatha",
    "Gangauli",
    "Harlakhi",
    "Jagatpur",
    "Kachhua",
    "Khajauli Tola",
    "Lalbagh",
    "Madhepur Tola",
    "Nanaur",
    "Pachahi",
    "Ratauli",
    "Sakri Tola",
    "Tarauni",
    "Urahi",
    "Baluaha",
    "Bhagwatipur",
    "Chhatauna",
    "Deep",
    "Etwarpur",
    "Gadhia",
    "Hati",
    "Jitwarpur",
    "Kapileshwar",
    "Koilakh",
    "Laxmipur",
    "Mahinathpur",
    "Nehra",
    "Parihara",
    "Rahuwa",
    "Saurath",
    "Sugauna",
    "Thadhi",
    "Ujan",
    "Balha",
    "Bhawanipur",
    "Chakka",
    "Dhamura",
    "Gauripur",
    "Itharwa",
];

/// The 63 villages of the synthetic district, in block, Gram Panchayat and
/// village order. Deterministic: the same list on every call and platform.
pub fn villages() -> Vec<PlaceInfo> {
    let mut out = Vec::with_capacity(63);
    let mut others = OTHER_VILLAGES.iter();
    for (b, (block_code, block_name, gps)) in BLOCKS.iter().enumerate() {
        let block = area(*block_code, block_name);
        for (g, gp_name) in gps.iter().enumerate() {
            // GP codes nest under the block: 1BGG00; village codes 2BGGV0.
            let gp_code = 100_000 + (b as u32 + 1) * 10_000 + (g as u32 + 1) * 100;
            let gp = area(gp_code, gp_name);
            for v in 0..3u32 {
                let name = if v == 0 {
                    gp_name
                } else {
                    others.next().copied().unwrap_or("Tola")
                };
                let code = 200_000 + (b as u32 + 1) * 10_000 + (g as u32 + 1) * 100 + (v + 1) * 10;
                // A fixed spread of sizes, so rosters differ by village.
                let households = 150 + (code.wrapping_mul(2_654_435_761) >> 7) % 451;
                out.push(PlaceInfo {
                    block: block.clone(),
                    gram_panchayat: gp.clone(),
                    village: area(code, name),
                    households,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn sixty_three_villages_in_three_blocks_with_unique_codes() {
        let v = villages();
        assert_eq!(v.len(), 63);
        let codes: HashSet<u32> = v.iter().map(|p| p.village.lgd_code).collect();
        assert_eq!(codes.len(), 63);
        let names: HashSet<&str> = v.iter().map(|p| p.village.name.as_str()).collect();
        assert_eq!(names.len(), 63);
        for block in ["Bisfi", "Pandaul", "Rajnagar"] {
            assert_eq!(v.iter().filter(|p| p.block.name == block).count(), 21);
        }
        assert!(v.iter().all(|p| (150..=600).contains(&p.households)));
        assert_eq!(villages(), v);
    }
}
