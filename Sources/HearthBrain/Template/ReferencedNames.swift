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
                for case let argument? in filters.flatMap(\.arguments) { visit(argument, declared: declared) }
                declared.insert(name)
            }
        }
    }

    private mutating func visit(_ expression: Expr, declared: Set<String>) {
        if case .name(let name) = expression.kind, !declared.contains(name) { found.insert(name) }
        for child in expression.kind.children { visit(child, declared: declared) }
    }
}
