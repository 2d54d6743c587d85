//! `Contents/header.xml`: every character shape, paragraph shape, border
//! fill and style the section uses, declared once and referred to by id.
//! The writer registers shapes as it needs them (`Shapes`), so each id in
//! the section resolves here and each shape is written once.

use super::{NAMESPACES, XML_DECLARATION};
use crate::render::xml_escape as esc;

/// Hancom's length unit: 1/7200 inch (1 pt = 100).
pub type HwpUnit = i32;

/// A character shape: size in 1/100 pt, weight, slant, colour `RRGGBB`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharShape {
    pub height: u32,
    pub bold: bool,
    pub italic: bool,
    pub colour: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Justify,
    Left,
    Right,
    Center,
}

impl Align {
    fn id(self) -> &'static str {
        match self {
            Align::Justify => "JUSTIFY",
            Align::Left => "LEFT",
            Align::Right => "RIGHT",
            Align::Center => "CENTER",
        }
    }
}

/// A paragraph shape. `outline` is the 개요 level (0 = 개요 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParaShape {
    pub align: Align,
    pub outline: Option<u8>,
    pub left: HwpUnit,
    /// First-line indent; negative hangs the first line out (내어쓰기).
    pub indent: HwpUnit,
    pub before: HwpUnit,
    pub after: HwpUnit,
    /// Line spacing in percent.
    pub line: u32,
    pub keep_with_next: bool,
}

impl ParaShape {
    pub fn new(align: Align, line: u32) -> ParaShape {
        ParaShape {
            align,
            outline: None,
            left: 0,
            indent: 0,
            before: 0,
            after: 0,
            line,
            keep_with_next: false,
        }
    }
}

/// A border and fill: none (ids 1 and 2, as 한글's own documents have), or
/// a table cell's thin rules with an optional fill and a heavier top rule
/// (a totals row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fill {
    pub cell: bool,
    pub fill: Option<String>,
    pub top_rule: bool,
}

/// A paragraph style: its name in 한글's Korean and English, and shapes.
pub struct Style {
    pub name: &'static str,
    pub eng: &'static str,
    pub para: usize,
    pub chars: usize,
}

/// The shapes a document uses, in the order first asked for; ids are
/// positions (border fills count from 1, as 한글 does).
#[derive(Default)]
pub struct Shapes {
    pub chars: Vec<CharShape>,
    pub paras: Vec<ParaShape>,
    pub fills: Vec<Fill>,
}

fn intern<T: PartialEq + Clone>(list: &mut Vec<T>, item: &T) -> usize {
    match list.iter().position(|x| x == item) {
        Some(i) => i,
        None => {
            list.push(item.clone());
            list.len() - 1
        }
    }
}

impl Shapes {
    /// Starts with the two plain border fills every 한글 document has.
    pub fn new() -> Shapes {
        let plain = Fill {
            cell: false,
            fill: None,
            top_rule: false,
        };
        Shapes {
            chars: Vec::new(),
            paras: Vec::new(),
            fills: vec![plain.clone(), plain],
        }
    }

    pub fn chars(&mut self, c: &CharShape) -> usize {
        intern(&mut self.chars, c)
    }

    pub fn para(&mut self, p: &ParaShape) -> usize {
        intern(&mut self.paras, p)
    }

    /// A border fill's id (1-based).
    pub fn fill(&mut self, f: &Fill) -> usize {
        intern(&mut self.fills, f) + 1
    }
}

/// Fonts named in the document: one for Hangul (and Hanja, Japanese,
/// symbols), one for Latin text.
pub struct Fonts<'a> {
    pub korean: &'a str,
    pub latin: &'a str,
}

/// The header part.
pub fn xml(shapes: &Shapes, styles: &[Style], fonts: &Fonts) -> String {
    let mut x = String::with_capacity(16 * 1024);
    x.push_str(XML_DECLARATION);
    x.push_str(&format!(
        r#"<hh:head {NAMESPACES} version="1.5" secCnt="1"><hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/><hh:refList>"#
    ));
    font_faces(&mut x, fonts);
    x.push_str(&format!(
        r#"<hh:borderFills itemCnt="{}">"#,
        shapes.fills.len()
    ));
    for (i, f) in shapes.fills.iter().enumerate() {
        border_fill(&mut x, i + 1, f);
    }
    x.push_str("</hh:borderFills>");
    x.push_str(&format!(
        r#"<hh:charProperties itemCnt="{}">"#,
        shapes.chars.len()
    ));
    for (i, c) in shapes.chars.iter().enumerate() {
        char_shape(&mut x, i, c);
    }
    x.push_str("</hh:charProperties>");
    x.push_str(r#"<hh:tabProperties itemCnt="1"><hh:tabPr id="0" autoTabLeft="0" autoTabRight="0"/></hh:tabProperties>"#);
    outline_numbering(&mut x);
    x.push_str(&format!(
        r#"<hh:paraProperties itemCnt="{}">"#,
        shapes.paras.len()
    ));
    for (i, p) in shapes.paras.iter().enumerate() {
        para_shape(&mut x, i, p);
    }
    x.push_str("</hh:paraProperties>");
    x.push_str(&format!(r#"<hh:styles itemCnt="{}">"#, styles.len()));
    for (i, s) in styles.iter().enumerate() {
        x.push_str(&format!(
            // After any paragraph style comes body text (바탕글, id 0).
            r#"<hh:style id="{i}" type="PARA" name="{}" engName="{}" paraPrIDRef="{}" charPrIDRef="{}" nextStyleIDRef="0" langID="1042" lockForm="0"/>"#,
            esc(s.name),
            esc(s.eng),
            s.para,
            s.chars,
        ));
    }
    x.push_str("</hh:styles></hh:refList>");
    x.push_str(r#"<hh:compatibleDocument targetProgram="HWP201X"><hh:layoutCompatibility/></hh:compatibleDocument><hh:docOption><hh:linkinfo path="" pageInherit="0" footnoteInherit="0"/></hh:docOption><hh:trackchageConfig flags="56"/></hh:head>"#);
    x
}

/// The seven language groups 한글 keeps fonts in, each naming both faces
/// (id 0 the Korean one, id 1 the Latin one).
fn font_faces(x: &mut String, fonts: &Fonts) {
    x.push_str(r#"<hh:fontfaces itemCnt="7">"#);
    for lang in [
        "HANGUL", "LATIN", "HANJA", "JAPANESE", "OTHER", "SYMBOL", "USER",
    ] {
        x.push_str(&format!(r#"<hh:fontface lang="{lang}" fontCnt="2">"#));
        for (id, face) in [fonts.korean, fonts.latin].iter().enumerate() {
            x.push_str(&format!(
                r#"<hh:font id="{id}" face="{}" type="TTF" isEmbedded="0"><hh:typeInfo familyType="FCAT_GOTHIC" weight="6" proportion="4" contrast="0" strokeVariation="1" armStyle="1" letterform="1" midline="1" xHeight="1"/></hh:font>"#,
                esc(face)
            ));
        }
        x.push_str("</hh:fontface>");
    }
    x.push_str("</hh:fontfaces>");
}

fn border_fill(x: &mut String, id: usize, f: &Fill) {
    let (kind, width, colour) = if f.cell {
        ("SOLID", "0.12 mm", "#B8C4D0")
    } else {
        ("NONE", "0.1 mm", "#000000")
    };
    let side = |name: &str, rule: bool| {
        if rule {
            format!(r##"<hh:{name} type="SOLID" width="0.4 mm" color="#1B2A41"/>"##)
        } else {
            format!(r#"<hh:{name} type="{kind}" width="{width}" color="{colour}"/>"#)
        }
    };
    x.push_str(&format!(
        r##"<hh:borderFill id="{id}" threeD="0" shadow="0" centerLine="NONE" breakCellSeparateLine="0"><hh:slash type="NONE" Crooked="0" isCounter="0"/><hh:backSlash type="NONE" Crooked="0" isCounter="0"/>{}{}{}{}<hh:diagonal type="NONE" width="0.1 mm" color="#000000"/>"##,
        side("leftBorder", false),
        side("rightBorder", false),
        side("topBorder", f.top_rule),
        side("bottomBorder", false),
    ));
    let face = f
        .fill
        .as_deref()
        .map_or("none".to_string(), |c| format!("#{c}"));
    if id == 2 || f.fill.is_some() {
        x.push_str(&format!(
            r##"<hc:fillBrush><hc:winBrush faceColor="{face}" hatchColor="#999999" alpha="0"/></hc:fillBrush>"##
        ));
    }
    x.push_str("</hh:borderFill>");
}

fn char_shape(x: &mut String, id: usize, c: &CharShape) {
    let seven = |v: &str| {
        format!(
            r#"hangul="{v}" latin="{v}" hanja="{v}" japanese="{v}" other="{v}" symbol="{v}" user="{v}""#
        )
    };
    x.push_str(&format!(
        r##"<hh:charPr id="{id}" height="{}" textColor="#{}" shadeColor="none" useFontSpace="0" useKerning="0" symMark="NONE" borderFillIDRef="2"><hh:fontRef hangul="0" latin="1" hanja="0" japanese="0" other="1" symbol="0" user="0"/><hh:ratio {}/><hh:spacing {}/><hh:relSz {}/><hh:offset {}/>"##,
        c.height,
        c.colour,
        seven("100"),
        seven("0"),
        seven("100"),
        seven("0"),
    ));
    if c.italic {
        x.push_str("<hh:italic/>");
    }
    if c.bold {
        x.push_str("<hh:bold/>");
    }
    x.push_str(r##"<hh:underline type="NONE" shape="SOLID" color="#000000"/><hh:strikeout shape="NONE" color="#000000"/><hh:outline type="NONE"/><hh:shadow type="NONE" color="#C0C0C0" offsetX="10" offsetY="10"/></hh:charPr>"##);
}

/// The 개요 numbering the section's outline refers to: every level without
/// a number, as the PDF and DOCX headings have none.
fn outline_numbering(x: &mut String) {
    x.push_str(r#"<hh:numberings itemCnt="1"><hh:numbering id="1" start="0">"#);
    for level in 1..=10 {
        x.push_str(&format!(
            r#"<hh:paraHead start="1" level="{level}" align="LEFT" useInstWidth="1" autoIndent="1" widthAdjust="0" textOffsetType="PERCENT" textOffset="50" numFormat="DIGIT" charPrIDRef="4294967295" checkable="0"/>"#
        ));
    }
    x.push_str("</hh:numbering></hh:numberings>");
}

fn para_shape(x: &mut String, id: usize, p: &ParaShape) {
    let heading = match p.outline {
        Some(level) => format!(r#"<hh:heading type="OUTLINE" idRef="0" level="{level}"/>"#),
        None => r#"<hh:heading type="NONE" idRef="0" level="0"/>"#.to_string(),
    };
    // 한글 reads the margins in HWPUNIT from the `case`; older readers the
    // `default`, at twice the value (as 한글 itself writes them).
    let margins = |k: i32| {
        format!(
            r#"<hh:margin><hc:intent value="{}" unit="HWPUNIT"/><hc:left value="{}" unit="HWPUNIT"/><hc:right value="0" unit="HWPUNIT"/><hc:prev value="{}" unit="HWPUNIT"/><hc:next value="{}" unit="HWPUNIT"/></hh:margin><hh:lineSpacing type="PERCENT" value="{}" unit="HWPUNIT"/>"#,
            p.indent * k,
            p.left * k,
            p.before * k,
            p.after * k,
            p.line
        )
    };
    x.push_str(&format!(
        r#"<hh:paraPr id="{id}" tabPrIDRef="0" condense="0" fontLineHeight="0" snapToGrid="1" suppressLineNumbers="0" checked="0" textDir="LTR"><hh:align horizontal="{}" vertical="BASELINE"/>{heading}<hh:breakSetting breakLatinWord="KEEP_WORD" breakNonLatinWord="KEEP_WORD" widowOrphan="0" keepWithNext="{}" keepLines="0" pageBreakBefore="0" lineWrap="BREAK"/><hh:autoSpacing eAsianEng="0" eAsianNum="0"/><hp:switch><hp:case hp:required-namespace="http://www.hancom.co.kr/hwpml/2016/HwpUnitChar">{}</hp:case><hp:default>{}</hp:default></hp:switch><hh:border borderFillIDRef="2" offsetLeft="0" offsetRight="0" offsetTop="0" offsetBottom="0" connect="0" ignoreMargin="0"/></hh:paraPr>"#,
        p.align.id(),
        u8::from(p.keep_with_next),
        margins(1),
        margins(2),
    ));
}
