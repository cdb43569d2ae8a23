//! Values derived from the reference data once and shared by every source
//! of a build: the cue automata and regular expressions that extraction
//! compiles from `cues.csv`. Compiling them cost more than reading a
//! typical report, so a build of thousands of reports compiled them
//! thousands of times; now each is made at its first use and then shared
//! (across threads too) for as long as the `Reference` lives.

use super::Reference;
use rustc_hash::FxHashMap;
use std::any::{Any, TypeId};
use std::sync::{Arc, Mutex};

/// A cache of values made from a [`Reference`], one per type. A clone of
/// the reference starts with an empty cache, so a test that clones and
/// edits reference data never sees values made from the original.
#[derive(Default)]
pub struct Derived {
    values: Mutex<FxHashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
}

impl Clone for Derived {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl std::fmt::Debug for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Derived { .. }")
    }
}

impl Reference {
    /// The value of type `T` made from this reference by `make`, made at
    /// the first call and shared afterwards. `T` identifies the value: give
    /// each derived value its own type.
    pub fn derived<T: Any + Send + Sync>(&self, make: fn(&Reference) -> T) -> Arc<T> {
        let id = TypeId::of::<T>();
        if let Some(v) = self.lock().get(&id) {
            return Arc::clone(v).downcast().expect("keyed by its type");
        }
        // Made outside the lock: two threads may both make it the first
        // time; the first to store it wins and both get equal values.
        let made: Arc<dyn Any + Send + Sync> = Arc::new(make(self));
        let v = Arc::clone(self.lock().entry(id).or_insert(made));
        v.downcast().expect("keyed by its type")
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FxHashMap<TypeId, Arc<dyn Any + Send + Sync>>> {
        // A panic while holding the lock cannot leave the map half-written.
        self.derived
            .values
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Count(usize);

    #[test]
    fn a_value_is_made_once_and_a_clone_starts_afresh() {
        let r = Reference::load().unwrap();
        let a = r.derived(|r| Count(r.states.len()));
        let b = r.derived(|_| Count(0));
        assert!(Arc::ptr_eq(&a, &b), "made once, then shared");
        let mut c = r.clone();
        c.states.clear();
        assert_eq!(c.derived(|r| Count(r.states.len())).0, 0);
    }
}
