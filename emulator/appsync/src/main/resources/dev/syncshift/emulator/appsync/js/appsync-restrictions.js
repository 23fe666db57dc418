// Finds what the APPSYNC_JS runtime does not support (AWS docs supported-features.html) on acorn's syntax tree of a
// resolver module. Evaluates to a function of the code that returns a JSON array of {message, line, column}: a
// parse error, or one entry per unsupported statement or operator. Trusted runtime code, not itself APPSYNC_JS.
(function (acorn) {
  'use strict';
  const STATEMENTS = {
    WhileStatement: 'while statement',
    DoWhileStatement: 'do-while statement',
    ForStatement: 'for(initialization; condition; afterthought) loop',
    ContinueStatement: 'continue statement',
    LabeledStatement: 'labeled statement',
    ThrowStatement: 'throw statement',
  };

  function problem(node) {
    if (node.type === 'TryStatement') {
      return node.handler ? 'try statement' : 'finally clause';
    }
    if (node.type === 'UpdateExpression' || (node.type === 'UnaryExpression' && node.operator === '~')) {
      return `unary operator ${node.operator}`;
    }
    if (node.type === 'BinaryExpression' && node.operator === 'in') {
      return 'in operator';
    }
    return STATEMENTS[node.type];
  }

  function walk(node, problems) {
    const what = problem(node);
    if (what) {
      problems.push({ message: `${what} is not supported.`, line: node.loc.start.line,
        column: node.loc.start.column + 1 });
    }
    if (node.type === 'TryStatement' && node.handler && node.finalizer) {
      problems.push({ message: 'finally clause is not supported.', line: node.finalizer.loc.start.line,
        column: node.finalizer.loc.start.column + 1 });
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc') continue;
      for (const element of Array.isArray(child) ? child : [child]) {
        if (element && typeof element.type === 'string') walk(element, problems);
      }
    }
  }

  return function check(code) {
    let tree;
    try {
      tree = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
    } catch (e) {
      const at = e.loc ?? { line: 0, column: -1 };
      return JSON.stringify([{ message: String(e.message).replace(/ \(\d+:\d+\)$/, '') + '.', line: at.line,
        column: at.column + 1 }]);
    }
    const problems = [];
    walk(tree, problems);
    return JSON.stringify(problems);
  };
})(globalThis.acorn)
