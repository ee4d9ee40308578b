//! The District Need Assessment sections of the report page: the village
//! ranking, the triangulation gaps, the three sources side by side and the DCPP
//! priorities, each with its axes and scales titled in the report's language.

use std::fmt::Write as _;

use super::{esc, svg_close, svg_open};
use crate::dna::DnaRules;
use crate::report::DistrictReport;

pub(super) fn ranking(h: &mut String, report: &DistrictReport, b: &crate::dna::Baseline) {
    let shown: Vec<_> = b.villages.iter().take(20).collect();
    let (w, label_w, row_h) = (430.0, 190.0, 22.0);
    let plot_w = w - label_w - 50.0;
    let height = row_h * shown.len() as f64 + 44.0;
    let _ = write!(
        h,
        "<h2>{}</h2><p class=\"lede\">{} ({} {}).</p><div class=\"card\">",
        report.tr("Village ranking", "गाँवों की रैंकिंग"),
        report.tr(
            "Composite vulnerability index (0–100) from the village evidence: higher is more vulnerable, most vulnerable first",
            "गाँव के साक्ष्य से संयुक्त संवेदनशीलता सूचकांक (0–100): अधिक अंक यानी अधिक संवेदनशील, सबसे संवेदनशील पहले"
        ),
        b.villages.len(),
        report.tr("villages assessed", "गाँवों का आकलन"),
    );
    svg_open(
        h,
        w,
        height,
        12.0,
        report.tr("Village ranking", "गाँवों की रैंकिंग"),
    );
    for tick in 0..=4 {
        let v = 25.0 * f64::from(tick);
        let x = label_w + plot_w * v / 100.0;
        let _ = write!(
            h,
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"0\" y2=\"{:.1}\" stroke=\"#e3e7ec\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#4f5b6a\">{v:.0}</text>",
            height - 36.0,
            height - 22.0
        );
    }
    let _ = write!(
        h,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#4f5b6a\">{}</text>",
        label_w + plot_w / 2.0,
        height - 5.0,
        report.tr("vulnerability index (0–100)", "संवेदनशीलता सूचकांक (0–100)")
    );
    for (i, v) in shown.iter().enumerate() {
        let y = 4.0 + row_h * i as f64;
        let name = v.village.as_ref().map_or("?", |a| a.name.as_str());
        let block = v.block.as_ref().map_or("?", |a| a.name.as_str());
        let bar = plot_w * (v.index / 100.0).clamp(0.0, 1.0);
        let _ = write!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}. {} ({})</text>\
             <rect x=\"{label_w}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"#c8553d\" rx=\"2\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\">{:.1}</text>",
            label_w - 8.0,
            y + 13.0,
            v.rank,
            esc(name),
            esc(block),
            row_h - 6.0,
            label_w + bar + 6.0,
            y + 13.0,
            v.index
        );
    }
    svg_close(h);
    h.push_str("</div>");
}

/// A theme's title in the report's language.
fn theme_title(report: &DistrictReport, rules: &DnaRules, theme: &str) -> String {
    rules.themes.get(theme).map_or_else(
        || theme.replace('_', " "),
        |t| report.tr(&t.title_en, &t.title_hi).to_owned(),
    )
}

pub(super) fn gaps(h: &mut String, report: &DistrictReport, b: &crate::dna::Baseline) {
    let rules = DnaRules::default();
    let max = f64::from(rules.max_severity().max(1));
    let themes = &b.district.themes;
    let mut sources: Vec<String> = themes
        .iter()
        .flat_map(|t| t.by_source.keys().map(|s| source_name(report, s)))
        .collect();
    sources.sort();
    sources.dedup();
    let palette = [
        "#2f6690", "#3a7d44", "#c8553d", "#8a6d00", "#6d597a", "#1b998b", "#555",
    ];
    let (w, label_w, right_w, row_h) = (620.0, 215.0, 115.0, 26.0);
    let height = row_h * themes.len() as f64 + 48.0;
    let x = |v: f64| label_w + (w - label_w - right_w) * (v / max).clamp(0.0, 1.0);
    let _ = write!(
        h,
        "<h2>{}</h2><p class=\"lede\">{}</p><div class=\"card\"><div class=\"note\">",
        report.tr("Triangulation gaps", "त्रिकोणीय मिलान के अंतर"),
        report.tr(
            "District mean severity by source, per theme (0 none to 4 severe: higher is worse); the gap is \
             community minus official severity (positive: the community reports more than the official figures).",
            "हर विषय पर स्रोतवार ज़िले की औसत गंभीरता (0 कोई समस्या नहीं से 4 गंभीर: अधिक यानी बदतर); अंतर = समुदाय की \
             गंभीरता घटा आधिकारिक गंभीरता (धनात्मक: समुदाय आधिकारिक आँकड़ों से अधिक बताता है)।"
        ),
    );
    for (i, s) in sources.iter().enumerate() {
        let c = palette.get(i % palette.len()).copied().unwrap_or("#555");
        let _ = write!(h, "<span style=\"color:{c}\">●</span> {} &nbsp; ", esc(s));
    }
    h.push_str("</div>");
    svg_open(
        h,
        w,
        height,
        12.0,
        report.tr("Triangulation gaps", "त्रिकोणीय मिलान के अंतर"),
    );
    for step in 0..=(max as u32) {
        let _ = write!(
            h,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"0\" y2=\"{1:.1}\" stroke=\"#e3e7ec\"/><text x=\"{0:.1}\" y=\"{2:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#4f5b6a\">{step}</text>",
            x(f64::from(step)),
            height - 36.0,
            height - 22.0
        );
    }
    let _ = write!(
        h,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#4f5b6a\">{}</text>",
        x(max / 2.0),
        height - 5.0,
        report.tr("mean severity (0 none – 4 severe)", "औसत गंभीरता (0 कोई नहीं – 4 गंभीर)")
    );
    for (i, t) in themes.iter().enumerate() {
        let y = 14.0 + row_h * i as f64;
        let _ = write!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
            label_w - 8.0,
            y + 4.0,
            esc(&theme_title(report, &rules, &t.theme))
        );
        for (src, sev) in &t.by_source {
            let k = sources
                .iter()
                .position(|s| *s == source_name(report, src))
                .unwrap_or(0);
            let c = palette.get(k % palette.len()).copied().unwrap_or("#555");
            let _ = write!(
                h,
                "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"{c}\" fill-opacity=\"0.85\"/>",
                x(*sev)
            );
        }
        let gap = t.mean_gap.map_or_else(
            || report.tr("no official data", "आधिकारिक आँकड़े नहीं").to_owned(),
            |g| format!("{} {g:+.1}", report.tr("gap", "अंतर")),
        );
        let _ = write!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\">{}</text>",
            w - right_w + 10.0,
            y + 4.0,
            esc(&gap)
        );
    }
    svg_close(h);
    h.push_str("</div>");
}

/// DNA themes measured by a roster indicator: (theme, indicator, the theme counts the complement).
const THEME_INDICATORS: [(&str, &str, bool); 4] = [
    ("child_marriage", "sdg_5_3_1_before_18", false),
    ("child_labour", "child_labour_calpra", false),
    ("dropout", "out_of_school_6_14", false),
    // The DNA theme is births *not* registered.
    ("birth_registration", "sdg_16_9_1", true),
];

/// The survey beside the community's estimate and the official figure, per
/// theme, each saying what it counts (all oriented so that higher is worse).
pub(super) fn three_sources(h: &mut String, report: &DistrictReport, b: &crate::dna::Baseline) {
    let rules = DnaRules::default();
    let _ = write!(
        h,
        "<h3>{}</h3><div class=\"card scroll\"><table class=\"wide\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        report.tr("Survey, community and official figures (district, %)", "सर्वेक्षण, समुदाय और आधिकारिक आँकड़े (ज़िला, %)"),
        report.tr("Theme", "विषय"),
        report.tr("What the figures count (higher is worse)", "आँकड़े क्या गिनते हैं (अधिक यानी बदतर)"),
        report.tr("Roster survey (95% interval)", "रोस्टर सर्वेक्षण (95% अंतराल)"),
        report.tr("Community estimate", "समुदाय का अनुमान"),
        report.tr("Official figure", "आधिकारिक आँकड़ा"),
    );
    for (theme, id, complement) in THEME_INDICATORS {
        let Some(info) = rules.themes.get(theme) else {
            continue;
        };
        if info.unit != crate::dna::EstimateUnit::Percent {
            continue;
        }
        let roll = b.district.themes.iter().find(|t| t.theme == theme);
        let table = report.indicators.iter().find(|t| t.indicator == id);
        let survey = table
            .and_then(|t| {
                t.rows
                    .iter()
                    .find(|r| r.block.is_none() && r.breakdown.is_empty())
            })
            .map_or_else(
                || "-".to_owned(),
                |r| match (r.value, r.ci_low, r.ci_high) {
                    (Some(v), Some(lo), Some(hi)) if complement => {
                        format!("{:.1} ({:.1}–{:.1})", 100.0 - v, 100.0 - hi, 100.0 - lo)
                    }
                    (Some(v), Some(lo), Some(hi)) => format!("{v:.1} ({lo:.1}–{hi:.1})"),
                    _ => r.display.clone(),
                },
            );
        let mut counts = report.tr(&info.estimate_en, &info.estimate_hi).to_owned();
        if let Some(t) = table {
            let survey_counts = if complement {
                format!(
                    "{} {}",
                    report.tr("survey: 100 minus", "सर्वेक्षण: 100 घटा"),
                    report.title_of(t)
                )
            } else {
                format!("{}: {}", report.tr("survey", "सर्वेक्षण"), report.title_of(t))
            };
            counts = format!("{counts}; {survey_counts}");
        }
        let pct = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.1}"));
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"note\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(report.tr(&info.title_en, &info.title_hi)),
            esc(&counts),
            esc(&survey),
            pct(roll.and_then(|t| t.community_estimate)),
            pct(roll.and_then(|t| t.official_value)),
        );
    }
    let _ = write!(
        h,
        "</tbody></table><p class=\"note\">{}</p></div>",
        report.tr(
            "Official figures far below the survey and the community's estimate point to under-reporting.",
            "सर्वेक्षण और समुदाय के अनुमान से बहुत कम आधिकारिक आँकड़े कम रिपोर्टिंग की ओर संकेत करते हैं।"
        )
    );
}

/// A source of evidence in words ("adults' group", "ASHA").
fn source_name<S: serde::Serialize>(report: &DistrictReport, s: &S) -> String {
    match serde_json::to_value(s) {
        Ok(serde_json::Value::String(v)) => crate::labels::value(&v, report.locale)
            .map_or_else(|| v.replace('_', " "), str::to_owned),
        _ => report.tr("source", "स्रोत").to_owned(),
    }
}

pub(super) fn priorities(h: &mut String, report: &DistrictReport, b: &crate::dna::Baseline) {
    let _ = write!(
        h,
        "<h2>{}</h2><p class=\"lede\">{}</p><div class=\"card scroll\"><table class=\"wide\"><thead>\
         <tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        report.tr("DCPP priorities", "ज़िला बाल संरक्षण योजना की प्राथमिकताएँ"),
        report.tr(
            "Themes ranked by severity, reach and evidence gap (score 0–100: higher is more urgent; severity 0–4; reach: share of villages affected; gap: community minus official severity).",
            "गंभीरता, फैलाव और साक्ष्य अंतर के आधार पर विषयों का क्रम (अंक 0–100: अधिक यानी अधिक ज़रूरी; गंभीरता 0–4; फैलाव: प्रभावित गाँवों का हिस्सा; अंतर: समुदाय घटा आधिकारिक गंभीरता)।"
        ),
        report.tr("Theme", "विषय"),
        report.tr("Score", "अंक"),
        report.tr("Severity", "गंभीरता"),
        report.tr("Reach", "फैलाव"),
        report.tr("Gap", "अंतर"),
        report.tr("Villages affected", "प्रभावित गाँव"),
        report.tr("Most affected", "सबसे प्रभावित"),
    );
    for p in &b.priorities {
        let most: Vec<String> = p
            .affected_villages
            .iter()
            .take(3)
            .map(|c| report.name(*c))
            .collect();
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{:.0}</td><td class=\"num\">{:.2}</td>\
             <td class=\"num\">{:.0}%</td><td class=\"num\">{:.2}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            p.rank,
            esc(report.tr(&p.title_en, &p.title_hi)),
            p.score,
            p.severity,
            100.0 * p.reach,
            p.gap,
            esc(&match report.locale {
                crate::Locale::En => format!("{} of {}", p.evidence.villages_affected, p.evidence.villages),
                crate::Locale::Hi => format!("{} में से {}", p.evidence.villages, p.evidence.villages_affected),
            }),
            esc(&most.join(", "))
        );
    }
    h.push_str("</tbody></table></div>");
}
