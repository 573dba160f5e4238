//! The bytes of a CSV file as text: which encoding, and which separator.
//!
//! Spreadsheets write a roster in one of a few ways, and the file does not say which:
//!
//! - "CSV UTF-8": UTF-8 with a byte order mark (BOM); other tools write UTF-8 without one.
//! - "CSV" in a Japanese Windows: Shift_JIS as Microsoft extends it (CP932, Windows-31J),
//!   with the NEC and IBM extensions (①, ㈱, 髙, 﨑) and `～` for 0x8160.
//! - "Unicode text": UTF-16 little-endian with a BOM, and TAB-separated.
//!
//! A BOM settles the encoding. Without one, the bytes are read as UTF-8 when they are valid
//! UTF-8 — Japanese text in Shift_JIS almost never is, while UTF-8 Japanese text often is
//! valid (and garbled) Shift_JIS, so UTF-8 must be tried first — else as CP932, unless the
//! text before the first byte that is not UTF-8 already holds kana or kanji in UTF-8 (a
//! UTF-8 file with a broken byte, not a CP932 one). Nothing is ever decoded with
//! replacement characters: bytes valid in none of these are an error naming the line and
//! the byte offset where reading broke. A NUL byte (most often UTF-16
//! saved without its BOM) is an error too, and so is a CP932 user-defined character (外字),
//! which has no standard form and would arrive as an invisible private-use character.
//!
//! The separator is a TAB when the first non-blank line (the header) has more tabs than
//! commas, else a comma. Line breaks decode to themselves in every one of these encodings,
//! so a line of the text is a line of the file.

use super::CsvError;
use super::parse::LineIndex;
use encoding_rs::{DecoderResult, Encoding, SHIFT_JIS, UTF_16BE, UTF_16LE};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 with a byte order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 little-endian with a byte order mark (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big-endian with a byte order mark.
    Utf16Be,
    /// Shift_JIS as Windows extends it (CP932): Excel's plain "CSV" in a Japanese Windows.
    Cp932,
}

impl TextEncoding {
    /// The encoding as people know it, the same in both languages.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16Le => "UTF-16 LE (BOM)",
            TextEncoding::Utf16Be => "UTF-16 BE (BOM)",
            TextEncoding::Cp932 => "Shift_JIS (CP932)",
        }
    }
}

/// What separates the fields of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Separator {
    Comma,
    Tab,
}

impl Separator {
    pub fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Tab => b'\t',
        }
    }
}

/// The encoding and separator a file was read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileFormat {
    pub encoding: TextEncoding,
    pub separator: Separator,
}

/// A file's text, and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedCsv {
    /// The text without its BOM, line breaks as in the file.
    pub text: String,
    pub format: FileFormat,
}

/// Where reading broke: the line (from 1) and the byte offset in the file (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrokenAt {
    pub line: usize,
    pub byte: usize,
}

/// Reads a file's bytes as text; see the module docs for how the encoding is chosen.
pub fn decode(bytes: &[u8]) -> Result<DecodedCsv, CsvError> {
    let (text, encoding) = decode_text(bytes)?;
    let separator = separator_of(&text);
    Ok(DecodedCsv {
        text,
        format: FileFormat {
            encoding,
            separator,
        },
    })
}

fn decode_text(bytes: &[u8]) -> Result<(String, TextEncoding), CsvError> {
    let with_bom = [
        (UTF8_BOM, TextEncoding::Utf8Bom),
        (UTF16LE_BOM, TextEncoding::Utf16Le),
        (UTF16BE_BOM, TextEncoding::Utf16Be),
    ];
    for (bom, encoding) in with_bom {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return decode_as(encoding, rest)
                .map(|text| (text, encoding))
                .map_err(|at| CsvError::BadEncoding {
                    encoding,
                    line: at.line,
                    byte: at.byte + bom.len(),
                });
        }
    }
    if let Some(byte) = memchr::memchr(0, bytes) {
        return Err(CsvError::NulByte {
            line: line_at(bytes, byte),
            byte,
        });
    }
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_string(), TextEncoding::Utf8)),
        Err(e) => e,
    };
    let valid = bytes.get(..utf8_error.valid_up_to()).unwrap_or_default();
    let utf8_break = BrokenAt {
        line: line_at(bytes, utf8_error.valid_up_to()),
        byte: utf8_error.valid_up_to(),
    };
    if written_in_utf8(valid) {
        return Err(CsvError::NotText {
            line: utf8_break.line,
            byte: utf8_break.byte,
        });
    }
    match decode_as(TextEncoding::Cp932, bytes) {
        Ok(text) => match text.char_indices().find(|(_, c)| is_user_defined(*c)) {
            Some((at, character)) => Err(CsvError::UserDefinedCharacter {
                line: line_at(text.as_bytes(), at),
                character,
            }),
            None => Ok((text, TextEncoding::Cp932)),
        },
        Err(at) => Err(CsvError::NotText {
            line: at.line,
            byte: at.byte,
        }),
    }
}

/// Text that holds UTF-8 of three bytes or more (any kana or kanji): a UTF-8 file, even
/// when a byte further on is not valid UTF-8 — never to be read as CP932, where UTF-8
/// Japanese would often decode without an error, garbled. (CP932 text is never valid UTF-8
/// that far: its kanji and full-width kana start with bytes UTF-8 never starts a character
/// with, and its half-width kana can only pair into two-byte UTF-8.)
fn written_in_utf8(valid: &[u8]) -> bool {
    std::str::from_utf8(valid).is_ok_and(|text| text.chars().any(|c| u32::from(c) >= 0x800))
}

/// The bytes (after any BOM) decoded strictly: the text, or where it broke (byte offset
/// within `bytes`).
fn decode_as(encoding: TextEncoding, bytes: &[u8]) -> Result<String, BrokenAt> {
    let charset: &'static Encoding = match encoding {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => {
            return std::str::from_utf8(bytes)
                .map(str::to_string)
                .map_err(|e| BrokenAt {
                    line: line_at(bytes, e.valid_up_to()),
                    byte: e.valid_up_to(),
                });
        }
        TextEncoding::Utf16Le => UTF_16LE,
        TextEncoding::Utf16Be => UTF_16BE,
        TextEncoding::Cp932 => SHIFT_JIS,
    };
    let mut decoder = charset.new_decoder_without_bom_handling();
    let mut text = String::new();
    let mut read = 0;
    loop {
        let rest = bytes.get(read..).unwrap_or_default();
        let wanted = decoder
            .max_utf8_buffer_length_without_replacement(rest.len())
            .unwrap_or(rest.len());
        text.reserve(wanted);
        let (result, n) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => continue,
            DecoderResult::Malformed(bad, after) => {
                let byte = read.saturating_sub(usize::from(bad) + usize::from(after));
                return Err(BrokenAt {
                    line: line_at(text.as_bytes(), text.len()),
                    byte,
                });
            }
        }
    }
}

/// CP932's user-defined area (0xF040–0xF9FC) decodes to the Private Use Area.
fn is_user_defined(c: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// The line (from 1) holding the byte at this offset of ASCII-compatible text.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    LineIndex::new(bytes).line_at(offset)
}

/// TAB when the header line has more tabs than commas (Excel's "Unicode text"), else comma.
fn separator_of(text: &str) -> Separator {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let tabs = header.matches('\t').count();
    let commas = header.matches(',').count();
    if tabs > commas {
        Separator::Tab
    } else {
        Separator::Comma
    }
}
