//! The HTML rendering of a [`DistrictReport`]: one self-contained page with
//! inline CSS and SVG charts; no scripts, fonts or images to fetch, so it
//! opens offline and prints well.

use std::fmt::Write as _;

use super::DistrictReport;
use crate::indicators::{Table, TableRow};

mod dna;
use dna::{gaps, priorities, ranking, three_sources};

const CSS: &str = "body{font-family:system-ui,'Segoe UI',Arial,'Noto Sans Devanagari','Nirmala UI',Mangal,'Lohit Devanagari',sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px 32px 48px}
h1{font-size:28px;margin:8px 0 4px}h2{font-size:21px;margin:36px 0 8px;border-bottom:2px solid #d9dee5;padding-bottom:4px}
h3{font-size:15px;margin:18px 0 4px}.lede{color:#4a5665;margin:0 0 12px}
.card{background:#fff;border:1px solid #dde2e8;border-radius:8px;padding:12px 16px;margin:10px 0}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.scroll{overflow-x:auto;max-width:100%}.grid>*{min-width:0}table.wide{min-width:600px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e6e9ee;vertical-align:top}
th{background:#f0f2f5}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.sup{color:#8a6d00;font-weight:600}.note{font-size:12px;color:#5b6675}
svg{display:block}svg text{font-family:inherit}
@media(max-width:700px){main{padding:12px 10px 32px}h1{font-size:22px}h2{font-size:18px}.grid{grid-template-columns:1fr}.card{padding:10px}}
@media print{body{background:#fff}main{max-width:none;padding:0}.grid{display:block}.scroll{overflow:visible}
svg,table.wide{min-width:0!important}.card,tr,svg,.keep{break-inside:avoid;page-break-inside:avoid}h2,h3{break-after:avoid;page-break-after:avoid}
table{font-size:10px}th,td{padding:2px 4px}thead{display:table-header-group}}
@page{margin:12mm}";

/// Smallest chart text in CSS pixels: a chart is never drawn narrower than
/// this allows (a phone scrolls it sideways instead).
const MIN_FONT_PX: f64 = 11.0;

/// An SVG that keeps its smallest text (`font` in viewBox units) at
/// [`MIN_FONT_PX`] or more: its minimum width is set from the viewBox width.
fn svg_open(h: &mut String, w: f64, height: f64, font: f64, label: &str) {
    let min = (w * MIN_FONT_PX / font).ceil();
    let _ = write!(
        h,
        "<div class=\"scroll\"><svg viewBox=\"0 0 {w} {height}\" width=\"100%\" style=\"min-width:{min}px\" role=\"img\" aria-label=\"{}\">",
        esc(label)
    );
}

fn svg_close(h: &mut String) {
    h.push_str("</svg></div>");
}

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
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
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
        ranking(&mut h, report, b);
        gaps(&mut h, report, b);
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
            report.tr(
                "No DNA records were given.",
                "ज़िला आवश्यकता आकलन के रिकॉर्ड नहीं दिए गए।"
            )
        );
    }
    let _ = writeln!(
        h,
        "<p class=\"note\">{}</p></main></body></html>",
        report.tr(
            "Aggregates only: no names, households or other particulars that could identify a child \
             (Juvenile Justice Act 2015 s.74, POCSO Act 2012 s.23). Intervals are 95 % Wilson intervals on the effective sample size under the survey design (villages as clusters unless the roster gives its own clusters, strata and weights).",
            "केवल योग: कोई नाम, परिवार या ऐसा विवरण नहीं जिससे किसी बच्चे की पहचान हो सके \
             (किशोर न्याय अधिनियम 2015 धारा 74, पॉक्सो अधिनियम 2012 धारा 23)। अंतराल 95 % विल्सन अंतराल हैं, सर्वेक्षण के ढाँचे के अनुसार प्रभावी नमूना आकार पर (जब तक रोस्टर अपने समूह, स्तर और भार न बताए, गाँव ही समूह हैं)।"
        )
    );
    h
}

/// The threshold k and protection width p the report's tables were built with.
fn rule(r: &DistrictReport) -> (u64, u64) {
    r.indicators.first().map_or((10, 10), |t| {
        let s = t.options.suppression;
        (s.threshold(), s.width())
    })
}

/// What suppression does, in the report's language.
fn protection_note(r: &DistrictReport) -> String {
    let (k, p) = rule(r);
    match r.locale {
        crate::Locale::Hi => format!(
            "{k} से कम बच्चों वाली संख्या छिपाई गई है, और साथ में वे संख्याएँ भी जिनसे इन सब तालिकाओं का पाठक उसे {p} के दायरे से अधिक निकटता से निकाल सके; छिपी संख्या का चिह्न"
        ),
        crate::Locale::En => format!(
            "Counts of fewer than {k} children are hidden, with whatever other cells would let a reader of all these tables work them out to within {p}; every hidden cell is shown as"
        ),
    }
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
        // Narrow enough for a phone at 12-13 px text; wider screens scale it up.
        let (w, label_w, right_w, row_h) = (320.0, 108.0, 54.0, 26.0);
        let plot_w = w - label_w - right_w;
        let height = row_h * rows.len() as f64 + 46.0;
        let x = |v: f64| label_w + plot_w * (v / max).clamp(0.0, 1.0);
        let _ = write!(
            h,
            "<div class=\"card keep\"><h3>{}</h3><div class=\"note\">{}{}</div>",
            esc(report.title_of(t)),
            report.tr(
                "Dot and number: the estimate; line: its 95 % interval.",
                "बिंदु और संख्या: अनुमान; रेखा: उसका 95 % अंतराल।"
            ),
            esc(&design_note(report, t)),
        );
        svg_open(h, w, height, 12.0, report.title_of(t));
        for tick in 0..=4 {
            let v = max * f64::from(tick) / 4.0;
            let _ = write!(
                h,
                "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"4\" y2=\"{1:.1}\" stroke=\"#e3e7ec\"/>\
                 <text x=\"{0:.1}\" y=\"{2:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#4f5b6a\">{3}</text>",
                x(v),
                height - 36.0,
                height - 22.0,
                // 7.5 stays 7.5; 10.0 prints as 10.
                if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.1}") }
            );
        }
        // The axis title: what the numbers are.
        let _ = write!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#4f5b6a\">{}</text>",
            label_w + plot_w / 2.0,
            height - 5.0,
            report.tr("per cent (%)", "प्रतिशत (%)")
        );
        for (i, (label, r)) in rows.iter().enumerate() {
            let y = 16.0 + row_h * i as f64;
            let bold = if i == 0 { " font-weight=\"600\"" } else { "" };
            let _ = write!(
                h,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" text-anchor=\"end\"{bold}>{}</text>",
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
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\"{class}>{}</text>",
                w - right_w + 6.0,
                y + 4.0,
                // The interval is drawn; the number is the estimate (or the suppression mark).
                esc(&match r.value {
                    Some(v) if !r.suppressed => format!("{v:.1}%"),
                    _ => r.display.clone(),
                })
            );
        }
        svg_close(h);
        h.push_str("</div>");
    }
    h.push_str("</div>");
    let _ = write!(
        h,
        "<p class=\"note\">{}</p>",
        esc(report.tr(
            "SDG 8.7.1 follows the UNICEF/ILO definition (hours of economic activity by age: 1 at 5-11, 14 at 12-14, 43 at 15-17; household chores of 21 hours or more at 5-14, 43 at 15-17; hazardous work). Child labour under CALPRA is India's legal test (any work under 14 except family help after school; hazardous work at 14-17): a different indicator, shown apart. Intervals account for the survey design: villages are the clusters unless the roster names its own; the design effect says how much wider that makes them than a simple random sample.",
            "सतत विकास लक्ष्य 8.7.1 यूनिसेफ और अंतरराष्ट्रीय श्रम संगठन की परिभाषा पर है (आयु के अनुसार आर्थिक काम के घंटे: 5-11 में 1, 12-14 में 14, 15-17 में 43; घरेलू काम 5-14 में 21 घंटे या अधिक, 15-17 में 43; ख़तरनाक काम)। बाल एवं किशोर श्रम अधिनियम के अनुसार बाल श्रम भारत की कानूनी कसौटी है (14 से कम आयु में स्कूल के बाद परिवार की मदद के सिवा कोई भी काम; 14-17 में ख़तरनाक काम): यह अलग संकेतक है, अलग दिखाया गया है। अंतराल सर्वेक्षण के ढाँचे को ध्यान में रखते हैं: जब तक रोस्टर अपने समूह न बताए, गाँव ही समूह हैं; डिज़ाइन प्रभाव बताता है कि इससे अंतराल साधारण यादृच्छिक नमूने से कितने चौड़े हैं।"
        ))
    );
}

/// The district's design effect, and the small groups left out of the table.
fn design_note(report: &DistrictReport, t: &Table) -> String {
    let mut s = String::new();
    let district = t
        .rows
        .iter()
        .find(|r| r.block.is_none() && r.breakdown.is_empty());
    if let Some(d) = district.and_then(|r| r.design_effect) {
        let _ = write!(
            s,
            " · {} {d:.2}",
            report.tr("design effect", "डिज़ाइन प्रभाव")
        );
    }
    for l in &t.left_out {
        let dimension =
            crate::labels::field(&l.dimension, None, report.locale).unwrap_or(&l.dimension);
        let value = crate::labels::value(&l.value, report.locale).unwrap_or(&l.value);
        let _ = write!(
            s,
            " · {} {dimension} = {value} ({} {})",
            report.tr("left out:", "छोड़ा गया:"),
            l.denominator,
            report.tr("people", "लोग")
        );
    }
    s
}

/// Every village's indicators: a table that scrolls sideways on a phone and
/// prints whole (its header row repeats on each page).
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
        "<h2>{}</h2><p class=\"lede\">{} {}; {} (%).</p><div class=\"card scroll\"><table><thead><tr><th>{}</th><th>{}</th>",
        report.tr("Indicators by village", "गाँववार संकेतक"),
        codes.len(),
        report.tr("villages", "गाँव"),
        report.tr("small cells suppressed; figures in per cent", "छोटी संख्याएँ छिपाई गईं; आँकड़े प्रतिशत में"),
        report.tr("Block", "प्रखंड"),
        report.tr("Village", "गाँव"),
    );
    for t in &report.indicators {
        let _ = write!(h, "<th>{}</th>", esc(report.title_of(t)));
    }
    h.push_str("</tr></thead><tbody>");
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
                Some(r) if r.suppressed => (" class=\"sup num\"", r.display.clone()),
                Some(r) => (
                    " class=\"num\"",
                    r.value.map_or_else(|| "-".into(), |v| format!("{v:.1}")),
                ),
                None => (" class=\"num\"", "-".into()),
            };
            let _ = write!(h, "<td{class}>{}</td>", esc(&text));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></div>");
}
