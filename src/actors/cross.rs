//! Checks that need every registry of the corpus at once: ids and forms claimed in two
//! files, affiliations naming no actor; and the merged list of actors the corpus uses.

use std::collections::{HashMap, HashSet};

use super::registry::{edit_distance, is_valid_id};
use super::{Actor, Registry};
use crate::diagnostic::{Diagnostic, DiagnosticCode};

/// Problems across registries, each with the index (in `registries`) of the file it is
/// in. Duplicates inside one file are left to [`super::parse_registry`], which already
/// reports them; here a second definition in a later file is reported. Works for one
/// file too (`cross_check(&[&registry])` then reports only unknown affiliations).
pub fn cross_check(registries: &[&Registry]) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();

    // Ids: the first registry to define one keeps it.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut shadowed: HashSet<(usize, usize)> = HashSet::new();
    for (r, registry) in registries.iter().enumerate() {
        for (a, actor) in registry.actors.iter().enumerate() {
            match ids.get(actor.id.value.as_str()) {
                Some(&first) if first != r => {
                    shadowed.insert((r, a));
                    out.push((
                        r,
                        Diagnostic::error(
                            actor.id.range,
                            DiagnosticCode::DuplicateActorId,
                            format!(
                                "the id `{}` is already defined in another registry; this actor is ignored",
                                actor.id.value
                            ),
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    ids.insert(actor.id.value.as_str(), r);
                }
            }
        }
    }

    // Forms: reported at their first appearance in a later file. A shadowed actor's
    // forms are not reported again: its id error already says it is ignored.
    let mut owners: HashMap<&str, (usize, &str)> = HashMap::new();
    let mut seen_in_file: HashSet<(usize, &str)> = HashSet::new();
    for (r, registry) in registries.iter().enumerate() {
        for (a, actor) in registry.actors.iter().enumerate() {
            if shadowed.contains(&(r, a)) {
                continue;
            }
            for form in actor.forms() {
                let key = form.value.trim();
                if key.is_empty() || !seen_in_file.insert((r, key)) {
                    continue;
                }
                match owners.get(key) {
                    Some(&(first, owner)) if first != r => out.push((
                        r,
                        Diagnostic::warning(
                            form.range,
                            DiagnosticCode::DuplicateAlias,
                            format!(
                                "`{key}` is already a name or alias of `{owner}` in another registry; mentions of it go to `{owner}`"
                            ),
                        ),
                    )),
                    Some(_) => {}
                    None => {
                        owners.insert(key, (r, actor.id.value.as_str()));
                    }
                }
            }
        }
    }

    for (r, registry) in registries.iter().enumerate() {
        for actor in &registry.actors {
            let Some(affiliation) = &actor.affiliation else {
                continue;
            };
            if ids.contains_key(affiliation.value.as_str()) {
                continue;
            }
            let close = ids
                .keys()
                .map(|id| (edit_distance(&affiliation.value, id), *id))
                // Close enough to be a typo, not merely another short id.
                .filter(|(d, _)| *d <= 2 && *d * 3 <= affiliation.value.chars().count())
                .min();
            let hint = match close {
                Some((_, id)) => format!("; did you mean `{id}`?"),
                None if !is_valid_id(&affiliation.value) => {
                    "; an affiliation is the id of another actor, not its name".to_owned()
                }
                None => String::new(),
            };
            out.push((
                r,
                Diagnostic::error(
                    affiliation.range,
                    DiagnosticCode::UnknownAffiliation,
                    format!("no actor has the id `{}`{hint}", affiliation.value),
                ),
            ));
        }
    }
    out
}

/// Every actor of the corpus, in registry order, each with the index of its registry;
/// an id already defined in an earlier registry is skipped (as [`cross_check`] reports).
/// Feed the actors to [`super::AliasMatcher::from_actors`] to match the whole corpus.
pub fn merged_actors<'a>(registries: &[&'a Registry]) -> Vec<(usize, &'a std::sync::Arc<Actor>)> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (r, registry) in registries.iter().enumerate() {
        for actor in &registry.actors {
            if seen.insert(actor.id.value.as_str()) {
                out.push((r, actor));
            }
        }
    }
    out
}
