//! What `shiftdesk roster check` says about each problem of a roster, and how to fix it.
//! Levels count from 1, as the route pane shows them.

area! { roster_check_words {
    // What is wrong
    CheckContactIdEmpty:
        "Contact \"{contact}\" has no id.",
        "連絡先「{contact}」にID(id)がありません。";
    CheckDuplicateContactId:
        "Contact id \"{id}\" is already used by contacts[{first}].",
        "連絡先ID「{id}」は contacts[{first}] と重複しています。";
    CheckContactNameEmpty:
        "Contact \"{contact}\" has no name.",
        "連絡先「{contact}」の名前(name)が空です。";
    CheckNoWayToReach:
        "Contact \"{contact}\" has no phone number and no email address, so nobody can reach them.",
        "連絡先「{contact}」には電話番号もメールアドレスもなく、連絡が取れません。";
    CheckBadPhone:
        "Phone number \"{number}\" of contact \"{contact}\" does not look like a phone number.",
        "連絡先「{contact}」の電話番号「{number}」は電話番号として正しくないようです。";
    CheckBadEmail:
        "Email address \"{email}\" of contact \"{contact}\" does not look like an email address.",
        "連絡先「{contact}」のメールアドレス「{email}」はメールアドレスとして正しくないようです。";
    CheckUnusedContact:
        "Contact \"{contact}\" is on no route, so the desk never suggests contacting them.",
        "連絡先「{contact}」はどのルートにも入っていないため、連絡先として案内されることはありません。";
    CheckDuplicateRouteId:
        "Route id \"{id}\" is already used by routes[{first}].",
        "ルートID「{id}」は routes[{first}] と重複しています。";
    CheckShadowedRoute:
        "Route \"{route}\" has the same category ({category}) and min_severity ({min_severity}) as route \"{earlier}\" before it, so it is never used.",
        "ルート「{route}」は前にあるルート「{earlier}」と分類({category})も min_severity({min_severity})も同じため、使われることがありません。";
    CheckAnyCategory: "default, any category", "標準・全分類";
    CheckNoLevels:
        "Route \"{route}\" has no levels, so nobody would be contacted.",
        "ルート「{route}」に段(levels)がなく、誰にも連絡されません。";
    CheckEmptyLevel:
        "Level {level} of route \"{route}\" lists no contacts.",
        "ルート「{route}」の第{level}段に連絡先がありません。";
    CheckUnknownContact:
        "Level {level} of route \"{route}\" names \"{contact}\", which is not in contacts.",
        "ルート「{route}」の第{level}段にある「{contact}」は連絡先(contacts)にありません。";
    CheckListedTwice:
        "\"{contact}\" is listed twice in level {level} of route \"{route}\".",
        "「{contact}」がルート「{route}」の第{level}段に2回入っています。";
    CheckListedAgain:
        "\"{contact}\" is listed again in level {level} of route \"{route}\"; it is already in level {first_level}.",
        "「{contact}」はルート「{route}」の第{first_level}段にすでに入っているのに、第{level}段にも入っています。";
    CheckNoUsablePhone:
        "Level {level} of route \"{route}\" is to be phoned, but none of its contacts has a usable phone number.",
        "ルート「{route}」の第{level}段の連絡手段は電話ですが、使える電話番号を持つ連絡先がいません。";
    CheckNoUsableEmail:
        "Level {level} of route \"{route}\" is to be emailed, but none of its contacts has a usable email address.",
        "ルート「{route}」の第{level}段の連絡手段はメールですが、使えるメールアドレスを持つ連絡先がいません。";
    CheckNoUsableChat:
        "Level {level} of route \"{route}\" is to be messaged by chat, but none of its contacts has a usable email address or phone number.",
        "ルート「{route}」の第{level}段の連絡手段はチャットですが、使えるメールアドレスか電話番号を持つ連絡先がいません。";
    CheckZeroReportWithin:
        "Level {level} of route \"{route}\" has {key} 0, so its deadline passes the moment it starts.",
        "ルート「{route}」の第{level}段の {key} が0のため、始まった瞬間に期限切れになります。";
    CheckZeroEscalateAfter:
        "Level {level} of route \"{route}\" has {key} 0, so it goes up before anyone could answer.",
        "ルート「{route}」の第{level}段の {key} が0のため、相手が応答する前に上位へ上がってしまいます。";
    CheckUncovered:
        "No route applies to {category} ({id}) at severity {severities}.",
        "{category}({id})の重大度 {severities} に当てはまるルートがありません。";
    CheckCadenceUnknownKey:
        "update_cadence_minutes has the key \"{key}\"; only \"1\" to \"4\" (the severities) are used.",
        "update_cadence_minutes にキー「{key}」がありますが、使われるのは \"1\"〜\"4\"(重大度)だけです。";
    CheckCadenceZero:
        "The update cadence for severity {key} is 0 minutes; the default of {default} minutes is used instead.",
        "重大度{key}の状況報告の間隔が0分です。代わりに既定の{default}分が使われます。";
    CheckSampleRoster:
        "This is the bundled sample of fictional people, not your team's roster.",
        "これは同梱のサンプル名簿で、人物はすべて架空です。チームの名簿ではありません。";
    // What to do about it
    FixContactIdEmpty:
        "Give this contact a short id that no other contact uses (for example \"sato-hanako\"); routes name contacts by id.",
        "他と重複しない短いIDを付けてください(例: \"sato-hanako\")。ルートはIDで連絡先を指定します。";
    FixDuplicateContactId:
        "Give one of the two contacts a different id, or merge them into one. Routes only reach the first contact with id \"{id}\".",
        "どちらかのIDを変えるか、1件にまとめてください。ルートからはID「{id}」の最初の連絡先しか呼ばれません。";
    FixContactNameEmpty:
        "Write the person's name in \"name\", as the operator will say it on the phone.",
        "name に、電話で呼びかけるときの氏名を書いてください。";
    FixNoWayToReach:
        "Add at least one phone number to \"phones\" or an address in \"email\".",
        "phones に電話番号を1つ以上追加するか、email にアドレスを書いてください。";
    FixBadPhone:
        "Write 6 to 15 digits; spaces, hyphens, dots, parentheses and a leading + may be used (for example 090-1234-5678 or +81 90 1234 5678).",
        "6〜15桁の数字で書いてください。スペース・ハイフン・ピリオド・括弧と先頭の + は使えます(例: 090-1234-5678、+81 90 1234 5678)。";
    FixBadEmail:
        "Write one address like name@example.com: one @, no spaces, and a domain with a dot. Leave \"email\" empty if there is none.",
        "name@example.com の形で1件だけ書いてください(@ は1つ、空白なし、ドメインにピリオドを含む)。アドレスがなければ email を空にしてください。";
    FixUnusedContact:
        "Add \"{contact}\" to a level of a route, or remove the contact if they are no longer needed.",
        "「{contact}」をいずれかのルートの段に追加するか、不要なら連絡先から削除してください。";
    FixDuplicateRouteId:
        "Give one of the two routes a different id: incidents remember their route by id.",
        "どちらかのルートのIDを変えてください。インシデントはルートをIDで記録します。";
    FixShadowedRoute:
        "Change this route's category or min_severity, or move its levels into route \"{earlier}\" and remove it.",
        "このルートの category か min_severity を変えるか、段をルート「{earlier}」に移してこのルートを削除してください。";
    FixNoLevels:
        "Add at least one level with contacts, a means and its minutes, or remove the route.",
        "連絡先・連絡手段・時間を持つ段を1つ以上追加するか、ルートを削除してください。";
    FixEmptyLevel:
        "Add the id of at least one contact to this level, or remove the level.",
        "この段に連絡先のIDを1つ以上追加するか、段を削除してください。";
    FixUnknownContact:
        "Add a contact with id \"{contact}\" to contacts, or remove it from this level.",
        "ID「{contact}」の連絡先を contacts に追加するか、この段から削除してください。";
    FixDuplicateInRoute:
        "Remove this entry: a person should appear once per route, at the level where they are to be contacted first.",
        "この記載を削除してください。同じ人は1つのルートに1回だけ、最初に連絡すべき段に入れます。";
    FixNoUsablePhone:
        "Give one of its contacts a valid phone number, add a contact who has one, or change \"means\".",
        "連絡先のいずれかに正しい電話番号を登録するか、電話番号のある連絡先を追加するか、means を変えてください。";
    FixNoUsableEmail:
        "Give one of its contacts a valid email address, add a contact who has one, or change \"means\".",
        "連絡先のいずれかに正しいメールアドレスを登録するか、アドレスのある連絡先を追加するか、means を変えてください。";
    FixNoUsableChat:
        "Give one of its contacts a valid email address or phone number, add a contact who has one, or change \"means\".",
        "連絡先のいずれかに正しいメールアドレスか電話番号を登録するか、それを持つ連絡先を追加するか、means を変えてください。";
    FixZeroMinutes:
        "Set {key} to a number of minutes above 0 (for example 15).",
        "{key} を1分以上にしてください(例: 15)。";
    FixNoDefaultRoute:
        "There is no default route (category null, min_severity 4). Add one so every incident has a route, or add a route for {id} with min_severity {least}.",
        "標準ルート(category が null で min_severity が 4)がありません。すべてのインシデントにルートがあるよう標準ルートを追加するか、{id} のルートを min_severity {least} で追加してください。";
    FixShortDefaultRoute:
        "The default route only covers severity 1 to {reach}, and there is no default route with min_severity 4. Set its min_severity to 4, or add a route for {id} with min_severity {least}.",
        "標準ルートは重大度1〜{reach}しか対象にしておらず、min_severity 4 の標準ルートがありません。その min_severity を 4 にするか、{id} のルートを min_severity {least} で追加してください。";
    FixCadenceUnknownKey:
        "Rename the key to a severity from \"1\" to \"4\", or remove it.",
        "キーを重大度 \"1\"〜\"4\" のいずれかに直すか、削除してください。";
    FixCadenceZero:
        "Set the minutes between status updates above 0, or remove the key to use the default.",
        "状況報告の間隔を1分以上にするか、既定値を使うならキーを削除してください。";
    FixSampleRoster:
        "Replace it with your team's roster: real contacts and routes, without \"sample\": true.",
        "チームの名簿(実在の連絡先とルート)に置き換え、\"sample\": true を外してください。";
} }
