//! The HTML rendering of a [`DistrictReport`]: one self-contained page with
//! inline CSS and SVG charts; no scripts, fonts or images to fetch, so it
//! opens offline and prints well.

use std::fmt::Write as _;

use super::DistrictReport;
use crate::dna::DnaRules;
use crate::indicators::{Table, TableRow};

const CSS: &str = "body{font-family:system-ui,'Segoe UI',Arial,'Noto Sans Devanagari','Nirmala UI',Mangal,'Lohit Devanagari',sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px 32px 48px}
h1{font-size:28px;margin:8px 0 4px}h2{font-size:21px;margin:36px 0 8px;border-bottom:2px solid #d9dee5;padding-bottom:4px}
h3{font-size:15px;margin:18px 0 4px}.lede{color:#4a5665;margin:0 0 12px}
.card{background:#fff;border:1px solid #dde2e8;border-radius:8px;padding:12px 16px;margin:10px 0}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:12px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e6e9ee}
th{background:#f0f2f5}td.num{text-align:right;font-variant-numeric:tabular-nums}
.sup{color:#8a6d00;font-weight:600}.note{font-size:12px;color:#5b6675}
svg text{font-family:inherit}";

/// Escape text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The whole page.
pub fn html(report: &DistrictReport) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let title = esc(&report.title);
    let lang = report.tr("en", "hi");
    let _ = write!(
        h,
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
         <title>{title}</title><style>{CSS}</style></head><body><main><h1>{title}</h1>\
         <p class=\"lede\">{} ({} {}). {} <span class=\"sup\">*</span>.</p>",
        report.tr(
            "Quantitative indicators from the child roster and the District Need Assessment",
            "बाल रोस्टर और ज़िला आवश्यकता आकलन से मात्रात्मक संकेतक"
        ),
        report.roster_rows,
        report.tr("rows", "पंक्तियाँ"),
        esc(&protection_note(report)),
    );
    indicators(&mut h, report);
    villages(&mut h, report);
    if let Some(b) = &report.baseline {
        ranking(&mut h, b);
        gaps(&mut h, b);
        three_sources(&mut h, report, b);
        priorities(&mut h, report, b);
    } else {
        let _ = write!(
            h,
            "<h2>{}</h2><p class=\"note\">{}</p>",
            report.tr(
                "Village ranking, triangulation and priorities",
                "गाँवों की रैंकिंग, त्रिकोणीय मिलान और प्राथमिकताएँ"
            ),
            report.tr("No DNA records were given.", "DNA रिकॉर्ड नहीं दिए गए।")
        );
    }
    h.push_str(
        "<p class=\"note\">Aggregates only: no names, households or other particulars that could identify a child \
         (JJ Act 2015 s.74, POCSO 2012 s.23). Intervals are 95 % Wilson intervals on the effective sample size under the survey design (villages as clusters unless the roster gives its own clusters, strata and weights).</p>\
         </main></body></html>\n",
    );
    if report.locale == crate::Locale::Hi {
        for (en, hi) in PHRASES_HI {
            h = h.replace(en, hi);
        }
    }
    h
}

/// Fixed phrases of the sections below, in Hindi (applied to the finished page).
const PHRASES_HI: [(&str, &str); 8] = [
    ("<b>Indicators by village</b>", "<b>गाँववार संकेतक</b>"),
    (
        "villages; small cells suppressed",
        "गाँव; छोटी संख्याएँ छिपाई गईं",
    ),
    ("<h2>Village ranking</h2>", "<h2>गाँवों की रैंकिंग</h2>"),
    (
        "<h2>Triangulation gaps</h2>",
        "<h2>त्रिकोणीय मिलान के अंतर</h2>",
    ),
    ("<h2>DCPP priorities</h2>", "<h2>DCPP प्राथमिकताएँ</h2>"),
    (
        "<th>Block</th><th>Village</th>",
        "<th>प्रखंड</th><th>गाँव</th>",
    ),
    ("<th>Theme</th><th>Score</th>", "<th>विषय</th><th>अंक</th>"),
    ("no official data", "आधिकारिक आँकड़े नहीं"),
];

/// What suppression does, in the report's language.
fn protection_note(r: &DistrictReport) -> String {
    let k = threshold(r);
    match r.locale {
        crate::Locale::Hi => format!(
            "{k} से कम बच्चों वाली संख्या, और जिन संख्याओं से उसे किसी भी प्रकाशित योग से निकाला जा सकता है, छिपाई गई हैं; छिपी संख्या का चिह्न"
        ),
        crate::Locale::En => format!(
            "Counts of fewer than {k} children are hidden, with whatever other cells would let a reader of all these tables work them out to within {k}; every hidden cell is shown as"
        ),
    }
}

fn threshold(r: &DistrictReport) -> u64 {
    r.indicators
        .first()
        .map_or(10, |t| t.options.suppression.threshold)
}

/// The rows a block chart shows: district, blocks, then the district by sex.
fn headline_rows<'a>(report: &DistrictReport, t: &'a Table) -> Vec<(String, &'a TableRow)> {
    let mut out: Vec<(String, &TableRow)> = t
        .rows
        .iter()
        .filter(|r| r.village.is_none() && r.breakdown.is_empty())
        .map(|r| {
            (
                r.block.map_or_else(
                    || report.tr("District", "ज़िला").to_owned(),
                    |b| report.name(b),
                ),
                r,
            )
        })
        .collect();
    let by_sex: Vec<(String, &TableRow)> = t
        .rows
        .iter()
        .filter(|r| r.block.is_none() && !r.breakdown.is_empty())
        .filter(|r| r.breakdown.get("sex").is_some_and(|s| s != "other"))
        .map(|r| {
            (
                format!(
                    "{}, {}",
                    report.tr("District", "ज़िला"),
                    match r.breakdown.get("sex").map(String::as_str) {
                        Some("female") => report.tr("female", "स्त्री"),
                        Some("male") => report.tr("male", "पुरुष"),
                        other => other.unwrap_or(""),
                    }
                ),
                r,
            )
        })
        .collect();
    // A one-sex indicator (women 20-24) has a single sex row equal to the total: leave it out.
    if by_sex.len() > 1 {
        out.extend(by_sex);
    }
    out
}

/// The smallest of 4 × (1, 2, 2.5, 5, 10, 20, 25) at or above `top`, so ticks are round numbers.
fn nice_max(top: f64) -> f64 {
    [1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0]
        .iter()
        .map(|step| 4.0 * step)
        .find(|m| *m >= top)
        .unwrap_or(100.0)
}

fn indicators(h: &mut String, report: &DistrictReport) {
    let _ = write!(
        h,
        "<h2>{}</h2><div class=\"grid\">",
        report.tr("Indicators by block", "प्रखंडवार संकेतक")
    );
    for t in &report.indicators {
        let rows = headline_rows(report, t);
        let top = rows
            .iter()
            .filter_map(|(_, r)| r.ci_high)
            .fold(10.0_f64, f64::max);
        let max = nice_max(top);
        let (w, label_w, right_w, row_h) = (500.0, 120.0, 130.0, 24.0);
        let plot_w = w - label_w - right_w;
        let height = row_h * rows.len() as f64 + 28.0;
        let x = |v: f64| label_w + plot_w * (v / max).clamp(0.0, 1.0);
        let _ = write!(
            h,
            "<div class=\"card\"><h3>{}</h3><div class=\"note\">{} · {}{}</div>\
             <svg viewBox=\"0 0 {w} {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\">",
            esc(report.title_of(t)),
            esc(report.tr(&t.title.hi, &t.title.en)),
            esc(&t.indicator),
            esc(&design_note(report, t)),
            esc(report.title_of(t))
        );
        for tick in 0..=4 {
            let v = max * f64::from(tick) / 4.0;
            let _ = write!(
                h,
                "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"4\" y2=\"{1:.1}\" stroke=\"#e3e7ec\"/>\
                 <text x=\"{0:.1}\" y=\"{2:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#6b7685\">{3}%</text>",
                x(v),
                height - 18.0,
                height - 6.0,
                // 7.5 stays 7.5; 10.0 prints as 10.
                if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.1}") }
            );
        }
        for (i, (label, r)) in rows.iter().enumerate() {
            let y = 16.0 + row_h * i as f64;
            let bold = if i == 0 { " font-weight=\"600\"" } else { "" };
            let _ = write!(
                h,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\"{bold}>{}</text>",
                label_w - 8.0,
                y + 4.0,
                esc(label)
            );
            match (r.value, r.ci_low, r.ci_high) {
                (Some(v), Some(lo), Some(hi)) if !r.suppressed => {
                    let colour = if i == 0 { "#b03a2e" } else { "#2f6690" };
                    let _ = write!(
                        h,
                        "<line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"{colour}\" stroke-width=\"2\"/>\
                         <circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"4.5\" fill=\"{colour}\"/>",
                        x(lo),
                        x(hi),
                        x(v)
                    );
                }
                _ => {}
            }
            let class = if r.suppressed {
                " fill=\"#8a6d00\" font-weight=\"600\""
            } else {
                ""
            };
            let _ = write!(
                h,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\"{class}>{}</text>",
                w - right_w + 8.0,
                y + 4.0,
                esc(&r.display)
            );
        }
        h.push_str("</svg></div>");
    }
    h.push_str("</div>");
    let _ = write!(
        h,
        "<p class=\"note\">{}</p>",
        esc(report.tr(
            "SDG 8.7.1 follows the UNICEF/ILO definition (hours of economic activity by age: 1 at 5-11, 14 at 12-14, 43 at 15-17; household chores of 21 hours or more at 5-14, 43 at 15-17; hazardous work). Child labour under CALPRA is India's legal test (any work under 14 except family help after school; hazardous work at 14-17): a different indicator, shown apart. Intervals account for the survey design: villages are the clusters unless the roster names its own; the design effect says how much wider that makes them than a simple random sample.",
            "SDG 8.7.1 यूनिसेफ/ILO परिभाषा पर है (आयु के अनुसार आर्थिक काम के घंटे: 5-11 में 1, 12-14 में 14, 15-17 में 43; घरेलू काम 5-14 में 21 घंटे या अधिक, 15-17 में 43; ख़तरनाक काम)। बाल एवं किशोर श्रम अधिनियम के अनुसार बाल श्रम भारत की कानूनी कसौटी है (14 से कम आयु में परिवार की मदद के सिवा कोई भी काम; 14-17 में ख़तरनाक काम): यह अलग संकेतक है, अलग दिखाया गया है। अंतराल सर्वेक्षण के ढाँचे को ध्यान में रखते हैं: जब तक रोस्टर अपने समूह न बताए, गाँव ही समूह हैं; डिज़ाइन प्रभाव बताता है कि इससे अंतराल साधारण यादृच्छिक नमूने से कितने चौड़े हैं।"
        ))
    );
}

/// The district's design effect, and what was left out of the table.
fn design_note(report: &DistrictReport, t: &Table) -> String {
    let mut s = String::new();
    let district = t
        .rows
        .iter()
        .find(|r| r.block.is_none() && r.breakdown.is_empty());
    if let Some(d) = district.and_then(|r| r.design_effect) {
        s.push_str(&format!(
            " · {} {d:.2}",
            report.tr("design effect", "डिज़ाइन प्रभाव")
        ));
    }
    for l in &t.left_out {
        s.push_str(&format!(
            " · {} {} = {} ({} {})",
            report.tr("left out:", "छोड़ा गया:"),
            l.dimension,
            l.value,
            l.denominator,
            report.tr("people", "लोग")
        ));
    }
    s
}

/// Every village's indicators, folded away: at village level most cells are small.
fn villages(h: &mut String, report: &DistrictReport) {
    let mut codes: Vec<(u32, u32)> = report
        .indicators
        .iter()
        .flat_map(|t| t.rows.iter())
        .filter_map(|r| r.village.zip(r.block))
        .map(|(v, b)| (b, v))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let _ = write!(
        h,
        "<details class=\"card\"><summary><b>Indicators by village</b> ({} villages; small cells suppressed)</summary>\
         <table><tr><th>Block</th><th>Village</th>",
        codes.len()
    );
    for t in &report.indicators {
        let _ = write!(h, "<th>{}</th>", esc(&t.indicator));
    }
    h.push_str("</tr>");
    for (block, village) in &codes {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td>",
            esc(&report.name(*block)),
            esc(&report.name(*village))
        );
        for t in &report.indicators {
            let cell = t
                .rows
                .iter()
                .find(|r| r.village == Some(*village) && r.breakdown.is_empty());
            let (class, text) = match cell {
                Some(r) if r.suppressed => (" class=\"sup\"", r.display.clone()),
                Some(r) => (
                    "",
                    r.value.map_or_else(|| "-".into(), |v| format!("{v:.1}%")),
                ),
                None => ("", "-".into()),
            };
            let _ = write!(h, "<td{class}>{}</td>", esc(&text));
        }
        h.push_str("</tr>");
    }
    h.push_str("</table></details>");
}

fn ranking(h: &mut String, b: &crate::dna::Baseline) {
    let shown: Vec<_> = b.villages.iter().take(20).collect();
    let (w, label_w, row_h) = (1000.0, 220.0, 20.0);
    let height = row_h * shown.len() as f64 + 10.0;
    let _ = write!(
        h,
        "<h2>Village ranking</h2><p class=\"lede\">Composite vulnerability index (0–100) from the village evidence; \
         most vulnerable first ({} villages assessed).</p><div class=\"card\"><svg viewBox=\"0 0 {w} {height}\" width=\"100%\" role=\"img\" aria-label=\"village ranking\">",
        b.villages.len()
    );
    for (i, v) in shown.iter().enumerate() {
        let y = 4.0 + row_h * i as f64;
        let name = v.village.as_ref().map_or("?", |a| a.name.as_str());
        let block = v.block.as_ref().map_or("?", |a| a.name.as_str());
        let bar = (w - label_w - 60.0) * (v.index / 100.0).clamp(0.0, 1.0);
        let _ = write!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}. {} ({})</text>\
             <rect x=\"{label_w}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"#c8553d\" rx=\"2\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">{:.1}</text>",
            label_w - 8.0,
            y + 12.0,
            v.rank,
            esc(name),
            esc(block),
            row_h - 6.0,
            label_w + bar + 6.0,
            y + 12.0,
            v.index
        );
    }
    h.push_str("</svg></div>");
}

fn gaps(h: &mut String, b: &crate::dna::Baseline) {
    let max = f64::from(DnaRules::default().max_severity().max(1));
    let themes = &b.district.themes;
    let sources: Vec<String> = {
        let mut s: Vec<String> = themes
            .iter()
            .flat_map(|t| t.by_source.keys().map(source_name))
            .collect();
        s.sort();
        s.dedup();
        s
    };
    let palette = [
        "#2f6690", "#3a7d44", "#c8553d", "#8a6d00", "#6d597a", "#1b998b", "#555",
    ];
    let (w, label_w, row_h) = (1000.0, 220.0, 24.0);
    let height = row_h * themes.len() as f64 + 40.0;
    let x = |v: f64| label_w + (w - label_w - 150.0) * (v / max).clamp(0.0, 1.0);
    h.push_str(
        "<h2>Triangulation gaps</h2><p class=\"lede\">District mean severity by source, per theme; the gap is \
         community minus official severity (positive: the community reports more than the official figures).</p>\
         <div class=\"card\"><div class=\"note\">",
    );
    for (i, s) in sources.iter().enumerate() {
        let c = palette.get(i % palette.len()).copied().unwrap_or("#555");
        let _ = write!(h, "<span style=\"color:{c}\">●</span> {} &nbsp; ", esc(s));
    }
    let _ = write!(h, "</div><svg viewBox=\"0 0 {w} {height}\" width=\"100%\" role=\"img\" aria-label=\"triangulation\">");
    for step in 0..=(max as u32) {
        let _ = write!(
            h,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"0\" y2=\"{1:.1}\" stroke=\"#e3e7ec\"/><text x=\"{0:.1}\" y=\"{2:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#6b7685\">{step}</text>",
            x(f64::from(step)),
            height - 22.0,
            height - 8.0
        );
    }
    for (i, t) in themes.iter().enumerate() {
        let y = 14.0 + row_h * i as f64;
        let _ = write!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
            label_w - 8.0,
            y + 4.0,
            esc(&t.theme.replace('_', " "))
        );
        for (src, sev) in &t.by_source {
            let k = sources
                .iter()
                .position(|s| *s == source_name(src))
                .unwrap_or(0);
            let c = palette.get(k % palette.len()).copied().unwrap_or("#555");
            let _ = write!(
                h,
                "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"{c}\" fill-opacity=\"0.85\"/>",
                x(*sev)
            );
        }
        let gap = t
            .mean_gap
            .map_or_else(|| "no official data".to_owned(), |g| format!("gap {g:+.1}"));
        let _ = write!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">{}</text>",
            w - 140.0,
            y + 4.0,
            esc(&gap)
        );
    }
    h.push_str("</svg></div>");
}

/// DNA themes measured by a roster indicator: (theme, indicator, the theme counts the complement).
const THEME_INDICATORS: [(&str, &str, bool); 4] = [
    ("child_marriage", "sdg_5_3_1_before_18", false),
    ("child_labour", "child_labour_calpra", false),
    ("dropout", "out_of_school_6_14", false),
    // The DNA theme is births *not* registered.
    ("birth_registration", "sdg_16_9_1", true),
];

/// The survey beside the community's estimate and the official figure, per theme.
fn three_sources(h: &mut String, report: &DistrictReport, b: &crate::dna::Baseline) {
    let rules = DnaRules::default();
    let _ = write!(
        h,
        "<h3>{}</h3><div class=\"card\"><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        report.tr("Survey, community and official figures (district, %)", "सर्वेक्षण, समुदाय और आधिकारिक आँकड़े (ज़िला, %)"),
        report.tr("Theme", "विषय"),
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
        let survey = report
            .indicators
            .iter()
            .find(|t| t.indicator == id)
            .and_then(|t| {
                t.rows
                    .iter()
                    .find(|r| r.block.is_none() && r.breakdown.is_empty())
            })
            .map_or_else(
                || "-".to_owned(),
                |r| match (r.value, r.ci_low, r.ci_high) {
                    (Some(v), Some(lo), Some(hi)) if complement => {
                        format!("{:.1} ({:.1}-{:.1})", 100.0 - v, 100.0 - hi, 100.0 - lo)
                    }
                    (Some(v), Some(lo), Some(hi)) => format!("{v:.1} ({lo:.1}-{hi:.1})"),
                    _ => r.display.clone(),
                },
            );
        let pct = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.1}"));
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(report.tr(&info.title_en, &info.title_hi)),
            esc(&survey),
            pct(roll.and_then(|t| t.community_estimate)),
            pct(roll.and_then(|t| t.official_value)),
        );
    }
    let _ = write!(
        h,
        "</table><p class=\"note\">{}</p></div>",
        report.tr(
            "Official figures far below the survey and the community's estimate point to under-reporting.",
            "सर्वेक्षण और समुदाय के अनुमान से बहुत कम आधिकारिक आँकड़े कम रिपोर्टिंग की ओर संकेत करते हैं।"
        )
    );
}

fn source_name<S: serde::Serialize>(s: &S) -> String {
    match serde_json::to_value(s) {
        Ok(serde_json::Value::String(v)) => v.replace('_', " "),
        _ => "source".into(),
    }
}

fn priorities(h: &mut String, report: &DistrictReport, b: &crate::dna::Baseline) {
    h.push_str(
        "<h2>DCPP priorities</h2><p class=\"lede\">Themes ranked by severity, reach and evidence gap.</p><div class=\"card\"><table>\
         <tr><th>#</th><th>Theme</th><th>Score</th><th>Severity</th><th>Reach</th><th>Gap</th><th>Villages affected</th><th>Most affected</th></tr>",
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
            "<tr><td>{}</td><td>{}<br><span class=\"note\">{}</span></td><td class=\"num\">{:.0}</td><td class=\"num\">{:.2}</td>\
             <td class=\"num\">{:.0}%</td><td class=\"num\">{:.2}</td><td class=\"num\">{} of {}</td><td>{}</td></tr>",
            p.rank,
            esc(&p.title_en),
            esc(&p.title_hi),
            p.score,
            p.severity,
            100.0 * p.reach,
            p.gap,
            p.evidence.villages_affected,
            p.evidence.villages,
            esc(&most.join(", "))
        );
    }
    h.push_str("</table></div>");
}
