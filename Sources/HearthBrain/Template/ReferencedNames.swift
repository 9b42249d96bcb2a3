/// Finds the names a template reads from its context, so Hearth can tell
/// which parameters a template needs before rendering it.
///
/// The walk follows rendering order and Jinja's scoping: a name read after
/// the template sets it is not a context name, a `for` body's variables stay
/// in the body, and a name set in only some branches of an `if` may still
/// come from the context afterwards.
struct ReferencedNames {
    private var found: Set<String> = []

    static func collect(from body: [Node]) -> Set<String> {
        var collector = ReferencedNames()
        var declared: Set<String> = []
        collector.visit(body, declared: &declared)
        return collector.found
    }

    private mutating func visit(_ nodes: [Node], declared: inout Set<String>) {
        for node in nodes {
            switch node {
            case .text:
                break
            case .output(let expression):
                visit(expression, declared: declared)
            case .conditional(let branches, let otherwise):
                var declaredInEveryBranch: Set<String>?
                for body in branches.map(\.body) + [otherwise] {
                    var branchDeclared = declared
                    visit(body, declared: &branchDeclared)
                    declaredInEveryBranch = declaredInEveryBranch?.intersection(branchDeclared) ?? branchDeclared
                }
                for branch in branches { visit(branch.condition, declared: declared) }
                declared = declaredInEveryBranch ?? declared
            case .loop(let loop):
                visit(loop.iterable, declared: declared)
                var inside = declared.union(loop.targets)
                if let filter = loop.filter { visit(filter, declared: inside) }
                inside.insert("loop")
                visit(loop.body, declared: &inside)
                var otherwise = declared
                visit(loop.otherwise, declared: &otherwise)
            case .assign(let targets, let value):
                visit(value, declared: declared)
                declared.formUnion(targets)
            case .assignAttribute(let variable, _, let value, _):
                visit(value, declared: declared)
                if !declared.contains(variable) { found.insert(variable) }
            case .capture(let name, let body, let filters):
                var inside = declared
                visit(body, declared: &inside)
                for filter in filters { visit(filter.arguments, declared: declared) }
                declared.insert(name)
            }
        }
    }

    private mutating func visit(_ expressions: [Expr?], declared: Set<String>) {
        for case let expression? in expressions { visit(expression, declared: declared) }
    }

    private mutating func visit(_ expression: Expr, declared: Set<String>) {
        switch expression.kind {
        case .literal:
            break
        case .name(let name):
            if !declared.contains(name) { found.insert(name) }
        case .list(let items):
            visit(items, declared: declared)
        case .dict(let entries):
            for entry in entries {
                visit(entry.key, declared: declared)
                visit(entry.value, declared: declared)
            }
        case .attribute(let base, _), .not(let base), .negate(let base), .plus(let base):
            visit(base, declared: declared)
        case .item(let base, let key):
            visit([base, key], declared: declared)
        case .slice(let base, let start, let stop, let step):
            visit([base, start, stop, step], declared: declared)
        case .binary(_, let left, let right), .and(let left, let right), .or(let left, let right):
            visit([left, right], declared: declared)
        case .comparison(let first, let links):
            visit([first] + links.map(\.operand), declared: declared)
        case .conditional(let condition, let then, let otherwise):
            visit([condition, then, otherwise], declared: declared)
        case .filter(let input, let call):
            visit([input] + call.arguments, declared: declared)
        case .test(let subject, let call):
            visit([subject] + call.arguments, declared: declared)
        case .call(_, let positional, let keyword):
            visit(positional + keyword.map(\.value), declared: declared)
        case .method(let receiver, _, let positional, let keyword):
            visit([receiver] + positional + keyword.map(\.value), declared: declared)
        }
    }
}
