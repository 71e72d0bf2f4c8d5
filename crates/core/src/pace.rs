//! Work over every record, in slices that give way in between.
//!
//! Reading a list of 50,000 people and indexing it takes about a second of one core on a laptop,
//! and several on a phone. Done in one go, the page cannot paint or answer a tap for all that
//! time. [`crate::load::read_list_paced`] and [`crate::query::Index::build`] call a [`Pause`]
//! every [`SLICE`] records instead: the web app's pause hands the browser the main thread once the
//! work has run for a frame's worth of time, while native tools and tests use [`NoPause`] and
//! [`at_once`] and run the same code straight through.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// Records handled between two pauses: small enough that a slice takes a few milliseconds on a
/// slow phone, so a pause that gives way after a frame's worth of work does so close to it (256
/// let a slice overrun it three times over).
pub const SLICE: usize = 32;

/// Where long work may give way.
pub trait Pause {
    /// Called every [`SLICE`] records; the work goes on once the future is ready.
    fn pause(&mut self) -> impl Future<Output = ()>;
}

/// A pause that never waits.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoPause;

impl Pause for NoPause {
    fn pause(&mut self) -> impl Future<Output = ()> {
        std::future::ready(())
    }
}

/// Runs `work` to its end on the spot. Only for work whose pauses never wait ([`NoPause`]): it
/// is then ready at its first poll.
pub fn at_once<T>(work: impl Future<Output = T>) -> T {
    poll_to_end(work).0
}

/// Polls `work` until it is ready: its value, and how many polls found it waiting.
fn poll_to_end<T>(work: impl Future<Output = T>) -> (T, usize) {
    let mut work = pin!(work);
    let mut context = Context::from_waker(Waker::noop());
    let mut pending = 0;
    loop {
        match work.as_mut().poll(&mut context) {
            Poll::Ready(value) => return (value, pending),
            Poll::Pending => pending += 1,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A pause that waits once per call (its future is pending at its first poll) and counts
    /// its calls, to prove the work really stops and resumes.
    #[derive(Default)]
    pub(crate) struct Counting {
        pub(crate) pauses: usize,
    }

    impl Pause for Counting {
        fn pause(&mut self) -> impl Future<Output = ()> {
            self.pauses += 1;
            let mut waited = false;
            std::future::poll_fn(move |_| {
                if waited {
                    Poll::Ready(())
                } else {
                    waited = true;
                    Poll::Pending
                }
            })
        }
    }

    /// Runs `work`, counting the polls that found it waiting.
    pub(crate) fn run_counting<T>(work: impl Future<Output = T>) -> (T, usize) {
        poll_to_end(work)
    }

    #[test]
    fn at_once_runs_work_that_never_waits() {
        let value = at_once(async {
            NoPause.pause().await;
            7
        });
        assert_eq!(value, 7);
    }

    #[test]
    fn a_counting_pause_makes_the_work_wait_once_per_call() {
        let mut pause = Counting::default();
        let (value, pending) = run_counting(async {
            for _ in 0..3 {
                pause.pause().await;
            }
            "done"
        });
        assert_eq!((value, pending), ("done", 3));
    }
}
