internal import CMicroHTTPD

/// Stop signals for the main thread: block them before any thread starts, then wait.
public enum StopSignals {
    /// Blocks SIGTERM, SIGINT and SIGPIPE in this thread and every thread started after.
    public static func block() { _ = tabel_block_stop_signals() }

    /// Waits until SIGTERM or SIGINT arrives; returns its number.
    public static func wait() -> Int32 { tabel_wait_stop_signal() }
}
