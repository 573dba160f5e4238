//! An in-process TCP proxy between a leaf server and the hub: `cut` resets every link and
//! refuses new ones until `heal`.

use std::io::{Read as _, Write as _};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub struct Proxy {
    pub port: u16,
    cut: Arc<AtomicBool>,
    stopped: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<TcpStream>>>,
}

impl Proxy {
    /// Listens on a free loopback port and forwards to `target`.
    pub fn start(target: SocketAddr) -> std::io::Result<Proxy> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let port = listener.local_addr()?.port();
        let proxy = Proxy {
            port,
            cut: Arc::default(),
            stopped: Arc::default(),
            open: Arc::default(),
        };
        let (cut, stopped, open) = (proxy.cut.clone(), proxy.stopped.clone(), proxy.open.clone());
        std::thread::spawn(move || {
            while !stopped.load(Ordering::SeqCst) {
                let inbound = match listener.accept() {
                    Ok((inbound, _)) => inbound,
                    Err(_) => {
                        std::thread::sleep(Duration::from_millis(20));
                        continue;
                    }
                };
                if cut.load(Ordering::SeqCst) {
                    let _ = inbound.shutdown(Shutdown::Both);
                    continue;
                }
                let _ = inbound.set_nonblocking(false);
                let Ok(outbound) = TcpStream::connect_timeout(&target, Duration::from_millis(500))
                else {
                    let _ = inbound.shutdown(Shutdown::Both);
                    continue;
                };
                let _ = inbound.set_nodelay(true);
                let _ = outbound.set_nodelay(true);
                if let (Ok(a), Ok(b), Ok(mut list)) =
                    (inbound.try_clone(), outbound.try_clone(), open.lock())
                {
                    list.push(a);
                    list.push(b);
                }
                pump(&inbound, &outbound);
                pump(&outbound, &inbound);
            }
        });
        Ok(proxy)
    }

    /// Resets every link through the proxy and refuses new ones.
    pub fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        self.close_all();
    }

    pub fn heal(&self) {
        self.cut.store(false, Ordering::SeqCst);
    }

    fn close_all(&self) {
        if let Ok(mut list) = self.open.lock() {
            for stream in list.drain(..) {
                let _ = stream.shutdown(Shutdown::Both);
            }
        }
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stopped.store(true, Ordering::SeqCst);
        self.close_all();
    }
}

fn pump(from: &TcpStream, to: &TcpStream) {
    let (Ok(mut from), Ok(mut to)) = (from.try_clone(), to.try_clone()) else {
        return;
    };
    std::thread::spawn(move || {
        let mut buffer = [0u8; 16 * 1024];
        loop {
            match from.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if to.write_all(&buffer[..n]).is_err() {
                        break;
                    }
                }
            }
        }
        let _ = from.shutdown(Shutdown::Both);
        let _ = to.shutdown(Shutdown::Both);
    });
}
