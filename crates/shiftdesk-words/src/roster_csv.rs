//! What a CSV import of contacts says about the file and its rows. Line numbers are lines
//! of the file, the header being line 1.

area! { roster_csv_words {
    // The file
    CsvNoHeader:
        "The file is empty. Its first line must name the columns: {columns}.",
        "ファイルが空です。1行目に列名を書いてください: {columns}";
    CsvUnknownColumns:
        "Unknown column(s): {unknown}. Known columns: {columns}.",
        "不明な列があります: {unknown}。使える列名: {columns}、氏名、フリガナ、役職、所属、電話番号、電話2、メールアドレス、備考";
    CsvUnknownColumn: "\"{header}\" in column {n}", "{n}列目「{header}」";
    CsvUnknownEmptyColumn: "(empty) in column {n}", "{n}列目(空欄)";
    CsvListSeparator: ", ", "、";
    CsvDuplicateColumn:
        "Columns {first} and {second} both mean \"{column}\"; keep one of them.",
        "{first}列目と{second}列目がどちらも「{column}」です。どちらか一方にしてください。";
    CsvMissingNameColumn:
        "The header has no \"name\" column; every contact needs a name.",
        "見出しに氏名(name)の列がありません。連絡先には氏名が必要です。";
    CsvMalformed:
        "Line {line} cannot be read as CSV: {message}",
        "{line}行目をCSVとして読めません: {message}";
    CsvRowsHead:
        "{n} problem(s) in the file; nothing was taken from it. Fix them and import again:",
        "ファイルに{n}件の問題があるため、何も取り込んでいません。直してから取り込み直してください:";
    // A row
    CsvLine: "line {line}: {problem}", "{line}行目: {problem}";
    CsvMissingName: "no name", "氏名(name)が空です";
    CsvNoPhoneOrEmail: "no phone and no email", "電話番号もメールアドレスもありません";
    CsvBadPhone:
        "{column} \"{number}\" does not look like a phone number (6 to 15 digits)",
        "{column}の「{number}」は電話番号に見えません(6〜15桁の数字)";
    CsvBadEmail:
        "email \"{email}\" does not look like an email address",
        "メールアドレス「{email}」はメールアドレスに見えません";
    CsvFieldCount:
        "{found} fields, but the header has {expected} columns",
        "項目が{found}個ありますが、見出しは{expected}列です";
    CsvUnsafeCharacter:
        "{column} contains {character}; remove it",
        "{column}に{character}が含まれています。取り除いてください";
    CsvPhone2WithoutPhone:
        "phone2 \"{number}\" is given but phone is empty; move the number to phone",
        "電話2(phone2)に「{number}」がありますが電話番号(phone)が空です。電話番号の列に移してください";
    CsvDuplicatePhone:
        "\"{name}\" with phone \"{number}\" is already on line {first_line}",
        "「{name}」(電話番号「{number}」)は{first_line}行目と重複しています";
    CsvDuplicateEmail:
        "\"{name}\" with email \"{email}\" is already on line {first_line}",
        "「{name}」(メールアドレス「{email}」)は{first_line}行目と重複しています";
    // A character that may not be in a field
    CsvLineBreak: "a line break ({code})", "改行({code})";
    CsvTab: "a tab ({code})", "タブ({code})";
    CsvControlCharacter: "a control character ({code})", "制御文字({code})";
    // A column as a message names it
    CsvColumnName: "{key}", "氏名({key})";
    CsvColumnKana: "{key}", "フリガナ({key})";
    CsvColumnRole: "{key}", "役職({key})";
    CsvColumnTeam: "{key}", "所属({key})";
    CsvColumnPhone: "{key}", "電話番号({key})";
    CsvColumnPhone2: "{key}", "電話2({key})";
    CsvColumnEmail: "{key}", "メールアドレス({key})";
    CsvColumnNotes: "{key}", "備考({key})";
    // How the file was read, and files that cannot be read as text
    CsvReadAs: "Read {file} as {encoding}, {separator}.", "{file} を {encoding}・{separator}として読みました。";
    CsvCommaSeparated: "comma-separated", "カンマ区切り";
    CsvTabSeparated: "tab-separated", "タブ区切り";
    CsvNotText:
        "Line {line} (byte {byte}) cannot be read as text: the file is neither UTF-8 nor Shift_JIS (CP932), and UTF-16 is read only with its byte order mark. Nothing was read as garbled text. Save it again from the spreadsheet as \"CSV UTF-8\" (or \"CSV\") and import it again.",
        "{line}行目({byte}バイト目)を文字として読めません。UTF-8でもShift_JIS(CP932)でもなく、UTF-16はBOM付きのものだけを読みます。文字化けしたまま取り込むことはしません。表計算ソフトから「CSV UTF-8」(または「CSV」)で保存し直して取り込んでください。";
    CsvBadEncoding:
        "The file starts with the byte order mark of {encoding}, but line {line} (byte {byte}) is not {encoding}. Save it again from the spreadsheet and import it again.",
        "ファイルの先頭は{encoding}のBOMですが、{line}行目({byte}バイト目)が{encoding}ではありません。表計算ソフトから保存し直して取り込んでください。";
    CsvNulByte:
        "Line {line} (byte {byte}) holds a NUL byte, which CSV text never does: the file is not a CSV, or it is UTF-16 saved without its byte order mark. Save it from the spreadsheet as \"CSV UTF-8\" or \"Unicode text\" and import it again.",
        "{line}行目({byte}バイト目)にNULバイトがあります。CSVの文字には現れないため、CSVではないか、BOMなしのUTF-16です。表計算ソフトから「CSV UTF-8」か「Unicode テキスト」で保存して取り込んでください。";
    CsvUserDefinedCharacter:
        "Line {line} holds a user-defined character (外字, {code}): it has no standard form and shows only with the font it was made in. Replace it with a standard character and import again.",
        "{line}行目に外字({code})があります。標準の文字ではなく、作成した環境のフォントでしか表示されません。標準の文字に置き換えてから取り込んでください。";
    CsvLineBreakInField:
        "{column} holds a line break (a cell written with Alt+Enter); only notes may. Put it on one line",
        "{column}に改行(セル内の Alt+Enter)があります。改行できるのは備考(notes)だけです。1行にしてください";
    CsvLines:
        "line {line} (the record starts there and runs to line {last}): {problem}",
        "{line}行目(この行から{last}行目までが1件): {problem}";
} }
