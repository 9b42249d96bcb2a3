/// Python's string methods, which Jinja filters and template method calls
/// expose. They work on Unicode scalars (Python's code points) so counts and
/// positions match what Kalliope's templates get under Jinja.
extension String {
    init(scalars: some Sequence<Unicode.Scalar>) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self = String(view)
    }

    /// `str.capitalize()`: first character upper case, the rest lower case.
    var pythonCapitalized: String {
        guard let first = unicodeScalars.first else { return self }
        return String(first).uppercased() + String(unicodeScalars.dropFirst()).lowercased()
    }

    /// `str.title()`: a cased letter is upper case when it follows a
    /// character without case, so "they're" becomes "They'Re".
    var pythonTitleCased: String {
        var result = ""
        var previousIsCased = false
        for scalar in unicodeScalars {
            let isCased = scalar.properties.isCased
            result += isCased && previousIsCased ? String(scalar).lowercased() : String(scalar).uppercased()
            previousIsCased = isCased
        }
        return result
    }

    /// Jinja's `title` filter, which unlike `str.title()` starts words only
    /// after spaces, hyphens and opening brackets: "they're" stays "They're".
    var jinjaTitleCased: String {
        var result = ""
        var atWordStart = true
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace || "-({[<".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
                atWordStart = true
            } else {
                result += atWordStart ? String(scalar).uppercased() : String(scalar).lowercased()
                atWordStart = false
            }
        }
        return result
    }

    /// `str.strip(chars)`, `lstrip` and `rstrip`: with no `characters`,
    /// whitespace is removed.
    func pythonStripped(_ characters: String?, leading: Bool = true, trailing: Bool = true) -> String {
        let removable = characters.map { Set($0.unicodeScalars) }
        func isRemovable(_ scalar: Unicode.Scalar) -> Bool {
            removable?.contains(scalar) ?? scalar.properties.isWhitespace
        }
        var scalars = Substring.UnicodeScalarView(unicodeScalars)
        if leading { scalars = scalars.drop(while: isRemovable) }
        if trailing {
            while let last = scalars.last, isRemovable(last) { scalars.removeLast() }
        }
        return String(scalars)
    }

    /// `str.replace(old, new, count)`; an empty `old` inserts `new` between
    /// every character, as in Python. A negative count replaces everything.
    func pythonReplacing(_ old: String, with new: String, count limit: Int = -1) -> String {
        let scalars = Array(unicodeScalars)
        let oldScalars = Array(old.unicodeScalars)
        var result = String.UnicodeScalarView()
        var position = 0
        var replaced = 0
        while limit < 0 || replaced < limit, let found = scalars.firstIndex(of: oldScalars, from: position) {
            result.append(contentsOf: scalars[position..<found])
            result.append(contentsOf: new.unicodeScalars)
            replaced += 1
            position = found + oldScalars.count
            if oldScalars.isEmpty {
                // An empty pattern matches before every character and at
                // the end: keep the character and move past it.
                if found < scalars.count { result.append(scalars[found]) }
                position = found + 1
            }
        }
        if position < scalars.count { result.append(contentsOf: scalars[position...]) }
        return String(result)
    }

    /// `str.split(separator, maxsplit)`. Without a separator, runs of
    /// whitespace split and leading or trailing whitespace gives no empty
    /// parts; with one, every occurrence splits.
    func pythonSplit(_ separator: String?, maxSplits: Int = -1) -> [String] {
        let scalars = Array(unicodeScalars)
        var parts: [String] = []
        guard let separator else {
            var position = 0
            while true {
                while position < scalars.count && scalars[position].properties.isWhitespace { position += 1 }
                guard position < scalars.count else { break }
                if maxSplits >= 0 && parts.count == maxSplits {
                    parts.append(String(scalars: scalars[position...]))
                    break
                }
                var end = position
                while end < scalars.count && !scalars[end].properties.isWhitespace { end += 1 }
                parts.append(String(scalars: scalars[position..<end]))
                position = end
            }
            return parts
        }
        let separatorScalars = Array(separator.unicodeScalars)
        var position = 0
        while maxSplits < 0 || parts.count < maxSplits,
            let found = scalars.firstIndex(of: separatorScalars, from: position)
        {
            parts.append(String(scalars: scalars[position..<found]))
            position = found + separatorScalars.count
        }
        parts.append(String(scalars: scalars[position...]))
        return parts
    }

    /// Python's `str.islower()` (or `isupper()`): at least one cased
    /// character, and every cased character in that case.
    func hasOnlyCase(upper: Bool) -> Bool {
        var sawCased = false
        for scalar in unicodeScalars where scalar.properties.isCased {
            guard upper ? scalar.properties.isUppercase : scalar.properties.isLowercase else { return false }
            sawCased = true
        }
        return sawCased
    }

    /// The number of runs of word characters (letters, digits, `_`), like
    /// Jinja's `wordcount`, which counts matches of `\w+`.
    var wordCount: Int {
        var count = 0
        var inWord = false
        for scalar in unicodeScalars {
            let isWordCharacter = scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordCharacter && !inWord { count += 1 }
            inWord = isWordCharacter
        }
        return count
    }

    /// Escaping as Jinja's `escape` filter does (MarkupSafe's entities).
    var htmlEscaped: String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&#34;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
