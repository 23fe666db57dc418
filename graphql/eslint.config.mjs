// Lints the APPSYNC_JS resolvers with AWS's rules for that runtime (@aws-appsync/eslint-plugin, recommended set,
// which needs type information: tsconfig.json) plus the house format (120 columns).
import appsync from '@aws-appsync/eslint-plugin';

const recommended = appsync.configs.recommended;

export default [
    {
        ...recommended,
        files: ['resolvers/**/*.js'],
        languageOptions: {
            ...recommended.languageOptions,
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
    },
    {
        files: ['resolvers/**/*.js'],
        rules: {
            'max-len': ['error', { code: 120 }],
            'no-unused-vars': 'error',
            'no-trailing-spaces': 'error',
        },
    },
];
