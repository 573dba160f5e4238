//! How the areas' lists become the one `Msg`.
//!
//! Each area file (`desk.rs`, `share.rs`, `labels.rs`, …) holds one list, one message a
//! line, `Name: "English", "日本語";`, given to `area!`, which makes of it a macro named
//! after the area. `lib.rs` calls the first area's macro with the names of the others; each
//! adds its list to the lists gathered so far and calls the next (`next_area!`), and after
//! the last, `declare_msg!` makes the enum, [`Msg::ALL`] and the texts. So every message is
//! written once, both languages side by side; a message without its English or Japanese
//! does not compile, and neither does a name used twice.
//!
//! [`Msg::ALL`]: crate::Msg::ALL

/// An area's list of messages, as a macro named `$area` for the chain of `next_area!`.
macro_rules! area {
    ($area:ident { $($list:tt)* }) => {
        macro_rules! $area {
            ($chain:tt) => { next_area! { $chain { $($list)* } } };
        }
    };
}

/// One step of the chain: `{ next_area_macros… ; lists so far }` and this area's list.
macro_rules! next_area {
    ({ ; $($done:tt)* } { $($list:tt)* }) => {
        declare_msg! { $($done)* $($list)* }
    };
    ({ $next:ident $(, $more:ident)* ; $($done:tt)* } { $($list:tt)* }) => {
        $next! { { $($more),* ; $($done)* $($list)* } }
    };
}

/// The enum of every message, `Msg::ALL`, and each message's two texts.
macro_rules! declare_msg {
    ($( $name:ident: $en:literal, $ja:literal; )*) => {
        /// A message the operator reads, in either language: see [`t`](crate::t) and
        /// [`fill`](crate::fill).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $( $name, )*
        }

        impl Msg {
            /// Every message, area by area.
            pub const ALL: &'static [Msg] = &[ $( Msg::$name, )* ];

            /// The English and the Japanese text.
            pub(crate) fn texts(self) -> (&'static str, &'static str) {
                match self {
                    $( Msg::$name => ($en, $ja), )*
                }
            }
        }
    };
}
