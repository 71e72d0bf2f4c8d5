//! Entry point of the campaign web app (built by Trunk into `dist/`).

fn main() {
    without_just_cause::start();
}
