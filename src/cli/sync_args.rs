//! The flags that put a desk on a shared board, or keep it off one: they override the data
//! dir's `config.toml` `[sync]` section.

use clap::Args;

#[derive(Args, Debug, Default, Clone, PartialEq, Eq)]
pub struct SyncArgs {
    /// Share the board through this site's NATS server, e.g. nats://127.0.0.1:4222
    /// (default: `url` in config.toml's [sync]; neither: the desk is on its own)
    #[arg(id = "sync_url", long = "sync", global = true, value_name = "URL")]
    pub url: Option<String>,
    /// This desk's site code, 1–8 letters or digits, e.g. TYO (default: config.toml)
    #[arg(long, global = true, value_name = "CODE")]
    pub site: Option<String>,
    /// This desk's own code, 1–8 letters or digits, e.g. TYO1; new incident ids carry it
    /// (INC-TYO1-0012) (default: config.toml)
    #[arg(long, global = true, value_name = "CODE")]
    pub desk: Option<String>,
    /// Every site on the board, comma-separated, e.g. TYO,OSA (default: config.toml)
    #[arg(long, global = true, value_name = "A,B", value_delimiter = ',')]
    pub sites: Option<Vec<String>>,
    /// Stay off the shared board even when config.toml has a [sync] section
    #[arg(long, global = true, conflicts_with = "sync_url")]
    pub no_sync: bool,
}

impl SyncArgs {
    /// The flags as the store reads them.
    pub fn flags(&self) -> shiftdesk_store::SyncFlags {
        shiftdesk_store::SyncFlags {
            url: self.url.clone(),
            site: self.site.clone(),
            desk: self.desk.clone(),
            sites: self.sites.clone(),
            no_sync: self.no_sync,
        }
    }
}
