//! Doc comments from spec text.
//!
//! Spec descriptions are CommonMark written for humans, not rustdoc: an indented block or
//! an untagged code fence would become a doctest that fails to compile. Code blocks are
//! therefore marked `text`, and indentation that would start a code block is removed.

use std::cell::RefCell;

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Docs;

/// `#[doc = "..."]` attributes, one per line of `text` (outer docs: `///`).
pub fn outer(text: &str) -> TokenStream {
    let lines = lines(text);
    if lines.is_empty() {
        return TokenStream::new();
    }
    match defer(lines) {
        Ok(marker) => quote! { #[doc = #marker] },
        Err(lines) => quote! { #( #[doc = #lines] )* },
    }
}

/// `#![doc = "..."]` attributes (inner docs: `//!`).
pub fn inner(text: &str) -> TokenStream {
    let lines = lines(text);
    if lines.is_empty() {
        return TokenStream::new();
    }
    match defer(lines) {
        Ok(marker) => quote! { #![doc = #marker] },
        Err(lines) => quote! { #( #![doc = #lines] )* },
    }
}

// Doc comments are most of the generated text, and turning each line into a string literal
// token that syn parses back and prettyplease prints again is most of the cost of
// formatting them. While a file is rendered through `collect`, each doc block becomes one
// marker attribute instead, and `substitute` writes the real `///` lines into the formatted
// text: the output is the same, byte for byte.
thread_local! {
    static DEFERRED: RefCell<Option<Vec<Vec<String>>>> = const { RefCell::new(None) };
}

/// Starts a marker, then its index into the deferred blocks.
const MARKER: &str = "@@codegen-doc-";

/// Runs `render` with doc blocks deferred; returns its result and the blocks.
pub fn collect<R>(render: impl FnOnce() -> R) -> (R, Vec<Vec<String>>) {
    DEFERRED.with(|d| *d.borrow_mut() = Some(Vec::new()));
    let result = render();
    let blocks = DEFERRED.with(|d| d.borrow_mut().take()).unwrap_or_default();
    (result, blocks)
}

/// A marker for `lines` when blocks are being deferred; the lines back otherwise.
fn defer(lines: Vec<String>) -> Result<String, Vec<String>> {
    DEFERRED.with(|d| match d.borrow_mut().as_mut() {
        Some(blocks) => {
            blocks.push(lines);
            Ok(format!("{MARKER}{}", blocks.len() - 1))
        }
        None => Err(lines),
    })
}

/// Replaces the marker lines of formatted code (`///@@codegen-doc-N` and the `//!` form)
/// by the doc lines they stand for, at the marker's indentation.
pub fn substitute(formatted: &str, blocks: &[Vec<String>]) -> String {
    if blocks.is_empty() {
        return formatted.to_owned();
    }
    let mut out = String::with_capacity(
        formatted.len() + blocks.iter().flatten().map(|l| l.len() + 8).sum::<usize>(),
    );
    for line in formatted.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let found = ["///", "//!"].into_iter().find_map(|slashes| {
            let index = trimmed
                .strip_prefix(slashes)?
                .strip_prefix(MARKER)?
                .trim_end()
                .parse::<usize>()
                .ok()?;
            Some((slashes, blocks.get(index)?))
        });
        match found {
            Some((slashes, block)) => {
                let prefix = line.get(..indent).unwrap_or_default();
                for doc_line in block {
                    out.push_str(prefix);
                    out.push_str(slashes);
                    out.push_str(doc_line);
                    out.push('\n');
                }
            }
            None => out.push_str(line),
        }
    }
    out
}

fn lines(text: &str) -> Vec<String> {
    sanitize(text)
        .lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            }
        })
        .collect()
}

/// "X API" for a spec titled "X", and the title itself when it already says "API".
pub fn api_name(title: &str) -> String {
    let title = title.trim();
    if title.to_ascii_lowercase().ends_with("api") {
        title.to_owned()
    } else {
        format!("{title} API")
    }
}

/// Summary, then description, separated by a blank line; `fallback` when the spec has
/// neither.
pub fn text(docs: &Docs, fallback: &str) -> String {
    let parts: Vec<&str> = [docs.summary.as_deref(), docs.description.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let mut unique: Vec<&str> = Vec::with_capacity(parts.len());
    for part in parts {
        if !unique.contains(&part) {
            unique.push(part);
        }
    }
    if unique.is_empty() {
        fallback.to_owned()
    } else {
        unique.join("\n\n")
    }
}

/// Makes spec Markdown safe for rustdoc (see the module docs).
pub fn sanitize(text: &str) -> String {
    let mut out = Vec::new();
    let mut in_fence = false;
    // Inside a list item, continuation lines must be indented (clippy's
    // `doc_lazy_continuation`); spec text often is not.
    let mut list_indent: Option<usize> = None;
    for line in text.trim().lines() {
        let trimmed = line.trim_start();
        if !in_fence {
            if trimmed.is_empty() {
                list_indent = None;
            } else if let Some(marker) = list_marker(trimmed) {
                list_indent = Some((line.len() - trimmed.len()).min(2) + marker);
                out.push(format!(
                    "{}{}",
                    " ".repeat((line.len() - trimmed.len()).min(2)),
                    escape_brackets(trimmed.trim_end())
                ));
                continue;
            } else if let Some(indent) = list_indent {
                out.push(format!(
                    "{}{}",
                    " ".repeat(indent),
                    escape_brackets(trimmed.trim_end())
                ));
                continue;
            }
        }
        if let Some(info) = trimmed.strip_prefix("```") {
            if in_fence {
                out.push("```".to_owned());
            } else {
                let lang = info.trim();
                out.push(format!(
                    "```{}",
                    if lang.is_empty() || lang == "rust" {
                        "text"
                    } else {
                        lang
                    }
                ));
            }
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push(line.trim_end().to_owned());
        } else {
            // Four spaces of indentation start an indented code block in Markdown.
            let indent = line.len() - trimmed.len();
            let keep = if indent >= 4 { 2 } else { indent };
            out.push(format!(
                "{}{}",
                " ".repeat(keep),
                escape_brackets(trimmed.trim_end())
            ));
        }
    }
    if in_fence {
        out.push("```".to_owned());
    }
    out.join("\n")
}

/// The width of a list marker (`- `, `* `, `1. `) starting `line`, if it starts with one.
fn list_marker(line: &str) -> Option<usize> {
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") {
        return Some(2);
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line.get(digits..)?;
    (digits > 0 && (rest.starts_with(". ") || rest.starts_with(") "))).then_some(digits + 2)
}

/// Escapes `[` and `]` that rustdoc would read as intra-doc links (`[optional]`), keeping
/// Markdown links (`[text](url)`) and inline code as they are.
fn escape_brackets(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut in_code = false;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '`' => {
                in_code = !in_code;
                out.push(c);
            }
            '[' if !in_code => {
                let closes_link = chars
                    .iter()
                    .skip(i + 1)
                    .position(|&c| c == ']')
                    .is_some_and(|n| chars.get(i + 1 + n + 1) == Some(&'('));
                out.push_str(if closes_link { "[" } else { "\\[" });
            }
            ']' if !in_code => {
                out.push_str(if chars.get(i + 1) == Some(&'(') {
                    "]"
                } else {
                    "\\]"
                });
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn code_blocks_do_not_become_doctests() {
        assert_eq!(sanitize("a\n```\nx\n```"), "a\n```text\nx\n```");
        assert_eq!(sanitize("```json\n{}\n```"), "```json\n{}\n```");
        assert_eq!(sanitize("a\n\n        code"), "a\n\n  code");
        assert_eq!(sanitize("```\nunclosed"), "```text\nunclosed\n```");
    }

    #[test]
    fn brackets_are_not_intra_doc_links() {
        assert_eq!(sanitize("a [b] c"), "a \\[b\\] c");
        assert_eq!(sanitize("see [docs](https://x)"), "see [docs](https://x)");
        assert_eq!(sanitize("`a[0]`"), "`a[0]`");
    }

    #[test]
    fn deferred_docs_format_the_same() {
        let render = || {
            let doc = super::outer("Summary.\n\nA `code` line,\n- a [list] item");
            let inner = super::inner("Crate docs.");
            quote::quote! {
                #inner
                #doc
                pub struct A {
                    #doc
                    pub b: u8,
                }
            }
        };
        let unparse = |tokens| prettyplease::unparse(&syn::parse2::<syn::File>(tokens).unwrap());
        let direct = unparse(render());
        let (tokens, blocks) = super::collect(render);
        assert_eq!(
            blocks.len(),
            2,
            "one marker per doc block, however often it is used"
        );
        assert_eq!(super::substitute(&unparse(tokens), &blocks), direct);
    }

    #[test]
    fn list_continuations_are_indented() {
        assert_eq!(sanitize("- a\nb\n\nc"), "- a\n  b\n\nc");
        assert_eq!(sanitize("10. a\nb"), "10. a\n    b");
    }
}
