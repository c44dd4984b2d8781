//! Line and column of each JSON pointer in the spec text, for error messages.
//!
//! `serde_yaml` keeps no positions, so the text is read a second time with `yaml-rust2`'s
//! event parser (which also reads JSON), and only when there is an error to locate.

use std::collections::BTreeMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
}

/// Positions of some pointers (and of their ancestors, the fallback when a pointer names
/// something the text does not spell out).
///
/// Only the wanted pointers are recorded, in a trie walked alongside the parser: locating
/// a handful of diagnostics in a large spec costs one parse and no per-node allocation.
#[derive(Debug, Default)]
pub struct Positions {
    nodes: Vec<TrieNode>,
}

#[derive(Debug, Default)]
struct TrieNode {
    children: BTreeMap<String, usize>,
    position: Option<Position>,
}

impl Positions {
    /// Indexes `text` for `pointers`; a text that does not parse gives no positions.
    pub fn for_pointers<'p>(
        text: &str,
        pointers: impl IntoIterator<Item = &'p crate::JsonPointer>,
    ) -> Self {
        let mut positions = Self {
            nodes: vec![TrieNode::default()],
        };
        for pointer in pointers {
            let mut node = 0;
            for token in pointer.tokens() {
                node = positions.child_or_insert(node, token);
            }
        }
        let mut walker = Walker {
            trie: &mut positions,
            stack: Vec::new(),
        };
        let mut parser = Parser::new_from_str(text);
        let _ = parser.load(&mut walker, false);
        positions
    }

    fn child_or_insert(&mut self, node: usize, token: &str) -> usize {
        if let Some(&child) = self.nodes.get(node).and_then(|n| n.children.get(token)) {
            return child;
        }
        self.nodes.push(TrieNode::default());
        let child = self.nodes.len() - 1;
        if let Some(parent) = self.nodes.get_mut(node) {
            parent.children.insert(token.to_owned(), child);
        }
        child
    }

    fn child(&self, node: Option<usize>, token: &str) -> Option<usize> {
        self.nodes.get(node?)?.children.get(token).copied()
    }

    /// The position of `pointer`, or of its nearest ancestor that has one.
    pub fn locate(&self, pointer: &crate::JsonPointer) -> Option<Position> {
        let mut node = Some(0);
        let mut found = None;
        for token in pointer.tokens() {
            node = self.child(node, token);
            match node.and_then(|n| self.nodes.get(n)) {
                Some(TrieNode {
                    position: Some(position),
                    ..
                }) => found = Some(*position),
                Some(_) => {}
                None => break,
            }
        }
        found
    }
}

enum Frame {
    /// `node`: the trie node of this mapping (`None` when nothing below is wanted);
    /// `pending`: the trie node of the key just read, for its value.
    Mapping {
        node: Option<usize>,
        key_read: bool,
        pending: Option<usize>,
    },
    Sequence {
        node: Option<usize>,
        index: usize,
    },
}

struct Walker<'t> {
    trie: &'t mut Positions,
    stack: Vec<Frame>,
}

impl Walker<'_> {
    fn record(&mut self, node: Option<usize>, mark: Marker) {
        if let Some(entry) = node.and_then(|n| self.trie.nodes.get_mut(n)) {
            entry.position.get_or_insert(Position {
                line: mark.line(),
                column: mark.col() + 1,
            });
        }
    }

    /// A value (scalar or container start) arrives in the current container: returns its
    /// trie node, after recording its position when it is a sequence item.
    fn enter_value(&mut self, mark: Marker) -> Option<usize> {
        match self.stack.last_mut() {
            Some(Frame::Mapping {
                key_read, pending, ..
            }) => {
                *key_read = false;
                pending.take()
            }
            Some(Frame::Sequence { node, index }) => {
                let token = index.to_string();
                *index += 1;
                let parent = *node;
                let child = self.trie.child(parent, &token);
                self.record(child, mark);
                child
            }
            None => Some(0),
        }
    }
}

impl MarkedEventReceiver for Walker<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            Event::Scalar(value, ..) => {
                if let Some(Frame::Mapping {
                    node,
                    key_read: false,
                    ..
                }) = self.stack.last()
                {
                    let child = self.trie.child(*node, &value);
                    if let Some(Frame::Mapping {
                        key_read, pending, ..
                    }) = self.stack.last_mut()
                    {
                        *key_read = true;
                        *pending = child;
                    }
                    self.record(child, mark);
                    return;
                }
                self.enter_value(mark);
            }
            Event::Alias(_) => {
                self.enter_value(mark);
            }
            Event::MappingStart(..) => {
                let node = self.enter_value(mark);
                self.stack.push(Frame::Mapping {
                    node,
                    key_read: false,
                    pending: None,
                });
            }
            Event::SequenceStart(..) => {
                let node = self.enter_value(mark);
                self.stack.push(Frame::Sequence { node, index: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::JsonPointer;

    fn locate(text: &str, pointer: &str) -> Option<Position> {
        let pointer = JsonPointer::from_ref(pointer).unwrap();
        Positions::for_pointers(text, [&pointer]).locate(&pointer)
    }

    #[test]
    fn yaml_positions() {
        let text = "openapi: 3.0.3\npaths:\n  /a/{b}:\n    get:\n      parameters:\n        - name: x\n        - name: y\n";
        let at = |p: &str| locate(text, p);
        assert_eq!(
            at("#/paths/~1a~1{b}/get"),
            Some(Position { line: 4, column: 5 })
        );
        assert_eq!(
            at("#/paths/~1a~1{b}/get/parameters/1/name"),
            Some(Position {
                line: 7,
                column: 11
            })
        );
        // Unknown tail: the nearest ancestor.
        assert_eq!(
            at("#/paths/~1a~1{b}/get/responses"),
            Some(Position { line: 4, column: 5 })
        );
    }

    #[test]
    fn json_positions() {
        let text = "{\n  \"paths\": {\n    \"/x\": {\"get\": {}}\n  }\n}";
        let found = locate(text, "#/paths/~1x/get");
        assert_eq!(found.map(|p| p.line), Some(3));
    }
}

/// The deepest nesting of schemas inside schemas (`items`, `properties`,
/// `additionalProperties`, `not`, `allOf`/`oneOf`/`anyOf` members), and the pointer of the
/// first place that goes past `limit`.
pub fn schema_nesting_beyond(text: &str, limit: usize) -> Option<crate::JsonPointer> {
    let mut scan = NestingScan {
        limit,
        ..NestingScan::default()
    };
    let mut parser = Parser::new_from_str(text);
    // A syntax error is reported by the real parse, with its position.
    let _ = parser.load(&mut scan, false);
    scan.beyond
}

#[derive(Default)]
struct NestingScan {
    limit: usize,
    /// Per open container: its schema depth, whether its children are schemas, and (for
    /// mappings) the pending key.
    stack: Vec<ScanFrame>,
    path: Vec<String>,
    beyond: Option<crate::JsonPointer>,
}

struct ScanFrame {
    depth: usize,
    children_are_schemas: bool,
    mapping: bool,
    key: Option<String>,
    index: usize,
}

impl MarkedEventReceiver for NestingScan {
    fn on_event(&mut self, event: Event, _mark: Marker) {
        if self.beyond.is_some() {
            return;
        }
        match event {
            Event::Scalar(value, ..) => match self.stack.last_mut() {
                Some(frame) if frame.mapping && frame.key.is_none() => frame.key = Some(value),
                Some(frame) if frame.mapping => frame.key = None,
                Some(frame) => frame.index += 1,
                None => {}
            },
            Event::Alias(_) => match self.stack.last_mut() {
                Some(frame) if frame.mapping => frame.key = None,
                Some(frame) => frame.index += 1,
                None => {}
            },
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let mapping = matches!(event, Event::MappingStart(..));
                let (depth, token, key) = match self.stack.last_mut() {
                    Some(parent) => {
                        let (token, key) = if parent.mapping {
                            let key = parent.key.take().unwrap_or_default();
                            (key.clone(), key)
                        } else {
                            parent.index += 1;
                            ((parent.index - 1).to_string(), String::new())
                        };
                        let nested = parent.children_are_schemas
                            || matches!(key.as_str(), "items" | "additionalProperties" | "not");
                        (parent.depth + usize::from(nested), Some(token), key)
                    }
                    None => (0, None, String::new()),
                };
                if let Some(token) = token {
                    self.path.push(token);
                }
                if depth > self.limit {
                    self.beyond = Some(
                        self.path
                            .iter()
                            .fold(crate::JsonPointer::root(), |p, t| p.join(t)),
                    );
                }
                self.stack.push(ScanFrame {
                    depth,
                    children_are_schemas: matches!(
                        key.as_str(),
                        "properties" | "allOf" | "oneOf" | "anyOf"
                    ),
                    mapping,
                    key: None,
                    index: 0,
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                if !self.stack.is_empty() {
                    self.path.pop();
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod nesting_tests {
    use super::schema_nesting_beyond;

    #[test]
    fn finds_deep_schemas() {
        let mut schema = "{type: string}".to_owned();
        for _ in 0..5 {
            schema = format!("{{type: array, items: {schema}}}");
        }
        let text = format!("components:\n  schemas:\n    A: {schema}\n");
        assert_eq!(schema_nesting_beyond(&text, 5), None);
        let beyond = schema_nesting_beyond(&text, 4).expect("too deep");
        assert_eq!(
            beyond.to_string(),
            "#/components/schemas/A/items/items/items/items/items"
        );
        let text =
            "a:\n  properties:\n    p:\n      properties:\n        q: {oneOf: [{type: string}]}\n";
        assert_eq!(
            schema_nesting_beyond(text, 2)
                .map(|p| p.to_string())
                .as_deref(),
            Some("#/a/properties/p/properties/q/oneOf/0")
        );
    }
}
