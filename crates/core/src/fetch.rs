//! Downloading the dataset, decided here so the browser glue only reports what happened: the
//! timeouts and the size cap, which responses are refused before their body is read, which
//! failures are worth retrying and after how long, and how a saved copy is aged.
//!
//! The app makes up to [`ATTEMPTS`] tries, waiting [`RETRY_DELAYS_MS`] between them, but only
//! after failures that may pass by themselves (a dropped connection, a timeout, a server error);
//! a missing file, a web page instead of the data or a refused file fail at once, since asking
//! again would only give the same answer.

use crate::load::LoadError;

/// Largest dataset accepted, in bytes as received (after any transfer compression is undone):
/// 128 MiB. A 50,000-record file from `wjc generate` is 103 MiB and the real records average
/// 1.5 KB each (73 MiB for 50,000), so the lists the project must serve fit with room to spare;
/// anything larger is a misconfigured server or an attack on the visitor's memory.
pub const MAX_BYTES: u64 = 128 * 1024 * 1024;

/// How long the server has to start answering.
pub const ANSWER_TIMEOUT_SECONDS: u32 = 20;

/// How long the download may go without receiving a byte before it counts as stalled. A slow
/// but moving download is never cut off: only silence is.
pub const STALL_TIMEOUT_SECONDS: u32 = 20;

/// Tries in all, the first included.
pub const ATTEMPTS: u32 = 3;

/// Waits before the second and third tries, growing so a struggling server is not hammered.
pub const RETRY_DELAYS_MS: [u32; 2] = [1_000, 3_000];

/// How long the campaign site's page waits for the list before showing the copy saved in this
/// browser on an earlier visit, if there is one. The download goes on meanwhile, and the latest
/// list replaces the copy when it arrives: on a network that never answers, the visitor has a
/// list within 10 s instead of after every try has timed out (about a minute).
pub const SAVED_COPY_AFTER_MS: u32 = 8_000;

/// Why the latest dataset could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The request failed and the browser says it is offline.
    Offline,
    /// The request failed although the browser thinks it is online: the server is down,
    /// unreachable or blocked.
    Unreachable,
    /// The server did not start answering within [`ANSWER_TIMEOUT_SECONDS`].
    NoAnswer,
    /// The download stopped for [`STALL_TIMEOUT_SECONDS`] before the end.
    Stalled,
    /// The connection broke during the download.
    CutOff,
    /// The server answered with a status other than 200.
    Http(u16),
    /// The server sent a web page (a Wi-Fi login page, a block page, an error page) instead.
    WebPage,
    /// The server sent something other than JSON; the content type as received.
    WrongType(String),
    /// The file is larger than [`MAX_BYTES`].
    TooLarge,
    /// The file is not UTF-8 text.
    NotText,
    /// The file arrived whole but the loader refused it.
    Data(LoadError),
}

impl Failure {
    /// Whether trying again soon may succeed.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Unreachable | Self::NoAnswer | Self::Stalled | Self::CutOff => true,
            // Timeout, too early, too many requests, and server errors.
            Self::Http(status) => matches!(status, 408 | 425 | 429 | 500..=599),
            // Offline: retrying before the connection is back is pointless; the visitor's
            // Retry (or a reload) is the way. The rest would fail the same way again.
            Self::Offline
            | Self::WebPage
            | Self::WrongType(_)
            | Self::TooLarge
            | Self::NotText
            | Self::Data(_) => false,
        }
    }
}

/// How long to wait before the next try, after `tries` tries that ended in `failure`; `None`
/// when there should be no other try.
pub fn retry_delay_ms(tries: u32, failure: &Failure) -> Option<u32> {
    if !failure.is_transient() || tries >= ATTEMPTS {
        return None;
    }
    let index = usize::try_from(tries.checked_sub(1)?).ok()?;
    RETRY_DELAYS_MS.get(index).copied()
}

/// Checks a response's `Content-Type` before its body is read. JSON types pass; so do a missing
/// type, `text/plain` and `application/octet-stream`, which misconfigured static hosts send for
/// `.json` files (the parser then judges the content). A web page or any other type is refused.
///
/// # Errors
/// [`Failure::WebPage`] or [`Failure::WrongType`].
pub fn check_content_type(content_type: Option<&str>) -> Result<(), Failure> {
    let Some(content_type) = content_type else {
        return Ok(());
    };
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "" | "application/json" | "text/json" | "text/plain" | "application/octet-stream" => Ok(()),
        json if json.ends_with("+json") => Ok(()),
        "text/html" | "application/xhtml+xml" => Err(Failure::WebPage),
        _ => Err(Failure::WrongType(essence.chars().take(60).collect())),
    }
}

/// Checks a response's `Content-Length` before its body is read, so an oversized file is refused
/// without downloading it. Returns the announced length, to reserve memory once (a missing or
/// unreadable length is fine: the byte count is checked again while the body streams in).
///
/// # Errors
/// [`Failure::TooLarge`].
pub fn check_content_length(content_length: Option<&str>) -> Result<Option<usize>, Failure> {
    let Some(length) = content_length.and_then(|l| l.trim().parse::<u64>().ok()) else {
        return Ok(None);
    };
    if length > MAX_BYTES {
        return Err(Failure::TooLarge);
    }
    Ok(usize::try_from(length).ok())
}

/// Checks the running byte count while the body streams in.
///
/// # Errors
/// [`Failure::TooLarge`] as soon as more than [`MAX_BYTES`] have arrived.
pub fn check_received(bytes: usize) -> Result<(), Failure> {
    match u64::try_from(bytes) {
        Ok(n) if n <= MAX_BYTES => Ok(()),
        _ => Err(Failure::TooLarge),
    }
}

/// The body as text.
///
/// # Errors
/// [`Failure::NotText`] when it is not UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|_| Failure::NotText)
}

/// A dataset kept in the browser after a successful load, shown when a later load fails.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedCopy {
    /// When it was saved, in milliseconds since 1970 (the browser's clock).
    pub saved_at_ms: f64,
    /// Why the latest dataset could not be shown instead; `None` while it is still on its way
    /// (shown after [`SAVED_COPY_AFTER_MS`] on a network that does not answer).
    pub failure: Option<Failure>,
}

impl SavedCopy {
    /// How old the copy is at `now_ms`, in whole seconds; 0 when the clock went backwards.
    pub fn age_seconds(&self, now_ms: f64) -> u64 {
        let seconds = ((now_ms - self.saved_at_ms) / 1000.0).floor();
        if seconds.is_finite() && seconds > 0.0 {
            // Saturating: any age beyond u64 is as good as forever.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let whole = seconds as u64;
            whole
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_transient_failures_are_retried_with_growing_waits() {
        let server = Failure::Http(503);
        assert_eq!(retry_delay_ms(1, &server), Some(1_000));
        assert_eq!(retry_delay_ms(2, &server), Some(3_000));
        assert_eq!(retry_delay_ms(3, &server), None, "three tries in all");
        for transient in [
            Failure::Unreachable,
            Failure::NoAnswer,
            Failure::Stalled,
            Failure::CutOff,
            Failure::Http(500),
            Failure::Http(429),
        ] {
            assert_eq!(retry_delay_ms(1, &transient), Some(1_000), "{transient:?}");
        }
        for lasting in [
            Failure::Offline,
            Failure::Http(404),
            Failure::Http(403),
            Failure::WebPage,
            Failure::WrongType("image/png".into()),
            Failure::TooLarge,
            Failure::NotText,
            Failure::Data(LoadError::NoPeople),
        ] {
            assert_eq!(retry_delay_ms(1, &lasting), None, "{lasting:?}");
        }
        assert_eq!(retry_delay_ms(0, &server), None);
    }

    #[test]
    fn json_and_lax_types_pass_and_web_pages_are_named() {
        for ok in [
            None,
            Some("application/json"),
            Some("application/json; charset=utf-8"),
            Some("Application/JSON"),
            Some("application/geo+json"),
            Some("text/plain; charset=utf-8"),
            Some("application/octet-stream"),
            Some(""),
        ] {
            assert_eq!(check_content_type(ok), Ok(()), "{ok:?}");
        }
        assert_eq!(
            check_content_type(Some("text/html; charset=utf-8")),
            Err(Failure::WebPage)
        );
        assert_eq!(
            check_content_type(Some("image/png")),
            Err(Failure::WrongType("image/png".into()))
        );
    }

    #[test]
    fn sizes_are_checked_before_and_during_the_download() {
        assert_eq!(check_content_length(None), Ok(None));
        assert_eq!(check_content_length(Some("oops")), Ok(None));
        assert_eq!(check_content_length(Some("56300")), Ok(Some(56_300)));
        assert_eq!(
            check_content_length(Some(&MAX_BYTES.to_string())),
            Ok(Some(128 * 1024 * 1024))
        );
        assert_eq!(
            check_content_length(Some(&(MAX_BYTES + 1).to_string())),
            Err(Failure::TooLarge)
        );
        assert_eq!(
            check_content_length(Some("99999999999999999999999")),
            Ok(None),
            "beyond u64: unreadable, so the streaming check decides"
        );
        let cap = usize::try_from(MAX_BYTES).unwrap();
        assert_eq!(check_received(cap), Ok(()));
        assert_eq!(check_received(cap + 1), Err(Failure::TooLarge));
    }

    #[test]
    fn bodies_must_be_utf8() {
        assert_eq!(decode(b"{}".to_vec()), Ok("{}".into()));
        assert_eq!(decode(vec![0xff, 0xfe, b'{']), Err(Failure::NotText));
    }

    #[test]
    fn a_saved_copy_ages_in_whole_seconds_and_never_negatively() {
        let copy = SavedCopy {
            saved_at_ms: 1_000_000.0,
            failure: Some(Failure::Unreachable),
        };
        assert_eq!(copy.age_seconds(1_000_000.0), 0);
        assert_eq!(copy.age_seconds(1_059_999.0), 59);
        assert_eq!(copy.age_seconds(999_000.0), 0, "clock set back");
        assert_eq!(copy.age_seconds(f64::NAN), 0);
        assert_eq!(copy.age_seconds(f64::INFINITY), 0);
    }
}
