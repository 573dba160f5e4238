//! Ready nats-server configuration files: one hub, one leaf per site.

/// The port leaf servers link to the hub on (the NATS default).
pub const DEFAULT_LEAF_PORT: u16 = 7422;

/// A site's leaf server: JetStream with domain = the site code, its store in `store_dir`,
/// desks connecting on `listen` (`host:port`), linked to the hub at `hub` (`host[:port]`,
/// port 7422 when not given).
pub fn leaf_config(site: &str, hub: &str, store_dir: &str, listen: &str) -> String {
    let hub = if has_port(hub) {
        hub.to_string()
    } else {
        format!("{hub}:{DEFAULT_LEAF_PORT}")
    };
    format!(
        "# shiftdesk: the leaf server of site {site}. Desks of this site connect to it.\n\
         server_name: \"shiftdesk-{site}\"\n\
         listen: \"{listen}\"\n\
         jetstream {{\n  domain: \"{domain}\"\n  store_dir: \"{store}\"\n}}\n\
         leafnodes {{\n  remotes: [ {{ url: \"nats-leaf://{hub}\" }} ]\n  reconnect: \"1s\"\n}}\n",
        domain = crate::domain(site),
        store = escape(store_dir),
    )
}

/// The hub: no JetStream, leaf servers link to it on `leaf_listen`; `no_advertise` so a leaf
/// always reconnects through the address it was given (else a cut link is routed around).
pub fn hub_config(listen: &str, leaf_listen: &str) -> String {
    format!(
        "# shiftdesk: the hub linking every site's leaf server. No JetStream here.\n\
         server_name: \"shiftdesk-hub\"\n\
         listen: \"{listen}\"\n\
         leafnodes {{\n  listen: \"{leaf_listen}\"\n  no_advertise: true\n}}\n"
    )
}

fn has_port(host: &str) -> bool {
    match host.rsplit_once(':') {
        // "[::1]" alone has colons but no port after the bracket.
        Some((head, port)) => {
            !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) && !head.ends_with(':')
        }
        None => false,
    }
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaf_has_domain_store_and_the_hub_with_default_port() {
        let text = leaf_config("TYO", "hub.example", "/var/lib/nats", "0.0.0.0:4222");
        assert!(text.contains("domain: \"TYO\""), "{text}");
        assert!(text.contains("store_dir: \"/var/lib/nats\""), "{text}");
        assert!(text.contains("nats-leaf://hub.example:7422"), "{text}");
        let text = leaf_config("OSA", "10.0.0.1:7000", "/s", "127.0.0.1:4223");
        assert!(text.contains("nats-leaf://10.0.0.1:7000"), "{text}");
    }

    #[test]
    fn hub_does_not_advertise_and_has_no_jetstream() {
        let text = hub_config("0.0.0.0:4222", "0.0.0.0:7422");
        assert!(text.contains("no_advertise: true"));
        assert!(!text.contains("jetstream"));
    }
}
