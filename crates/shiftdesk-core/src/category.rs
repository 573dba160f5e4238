//! The kinds of incident the source document names, with stable ids.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Which of the two classes of the source document a category belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CategoryClass {
    /// Arises while the team does its work (業務上のインシデント).
    Operational,
    /// Affects service quality, common across teams (チーム運営に関するインシデント).
    TeamOperations,
    /// Neither of the above.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    #[serde(rename = "operational.out_of_scope")]
    OutOfScope,
    #[serde(rename = "operational.operation_mistake")]
    OperationMistake,
    #[serde(rename = "operational.doc_error")]
    DocError,
    #[serde(rename = "operational.system_outage")]
    SystemOutage,
    #[serde(rename = "team.security")]
    Security,
    #[serde(rename = "team.tool_damage")]
    ToolDamage,
    #[serde(rename = "team.equipment_loss")]
    EquipmentLoss,
    #[serde(rename = "other")]
    Other,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::OutOfScope,
        Category::OperationMistake,
        Category::DocError,
        Category::SystemOutage,
        Category::Security,
        Category::ToolDamage,
        Category::EquipmentLoss,
        Category::Other,
    ];

    /// The stable id used in files and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Category::OutOfScope => "operational.out_of_scope",
            Category::OperationMistake => "operational.operation_mistake",
            Category::DocError => "operational.doc_error",
            Category::SystemOutage => "operational.system_outage",
            Category::Security => "team.security",
            Category::ToolDamage => "team.tool_damage",
            Category::EquipmentLoss => "team.equipment_loss",
            Category::Other => "other",
        }
    }

    pub fn class(self) -> CategoryClass {
        match self {
            Category::OutOfScope
            | Category::OperationMistake
            | Category::DocError
            | Category::SystemOutage => CategoryClass::Operational,
            Category::Security | Category::ToolDamage | Category::EquipmentLoss => {
                CategoryClass::TeamOperations
            }
            Category::Other => CategoryClass::Other,
        }
    }

    /// All ids, comma separated, for error messages.
    pub fn id_list() -> String {
        Category::ALL
            .iter()
            .map(|c| c.id())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCategory(pub String);

impl fmt::Display for UnknownCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown category {:?}; valid ids: {}",
            self.0,
            Category::id_list()
        )
    }
}

impl std::error::Error for UnknownCategory {}

impl FromStr for Category {
    type Err = UnknownCategory;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL
            .into_iter()
            .find(|c| c.id() == s.trim())
            .ok_or_else(|| UnknownCategory(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_serde_and_from_str() {
        for c in Category::ALL {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.id()));
            assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), c);
            assert_eq!(c.id().parse::<Category>().unwrap(), c);
        }
    }

    #[test]
    fn unknown_id_lists_the_valid_ones() {
        let err = "team.coffee".parse::<Category>().unwrap_err().to_string();
        assert!(err.contains("team.coffee"));
        assert!(err.contains("operational.system_outage"));
        assert!(err.contains("other"));
    }

    #[test]
    fn classes_follow_the_source_document() {
        assert_eq!(Category::SystemOutage.class(), CategoryClass::Operational);
        assert_eq!(Category::Security.class(), CategoryClass::TeamOperations);
        assert_eq!(Category::Other.class(), CategoryClass::Other);
    }
}
