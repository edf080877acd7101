// Imports nothing, so that test set-up code, which runs without the @korgoo/* paths, can load it too.

export interface NatsPermissions {
  publish: string[];
  subscribe: string[];
}

/** One user of nats-server's `authorization` block; without permissions it may say and hear anything. */
export interface NatsUser {
  user: string;
  /** Config text: an environment reference such as `$GATEWAY_NATS_PASSWORD`, or a quoted literal. */
  password: string;
  permissions?: NatsPermissions;
}

/** The `authorization` block of nats-server's configuration for these users. */
export function renderNatsUsers(users: NatsUser[]): string {
  const list = (subjects: string[]) => subjects.map((subject) => `          "${subject}"`).join('\n');
  const blocks = users.map(({ user, password, permissions }) => {
    const rights = permissions
      ? `
      permissions: {
        publish: { allow: [
${list(permissions.publish)}
        ] }
        subscribe: { allow: [
${list(permissions.subscribe)}
        ] }
        allow_responses: true
      }`
      : '';
    return `    {
      user: "${user}"
      password: ${password}${rights}
    }`;
  });
  return `authorization {
  users: [
${blocks.join('\n')}
  ]
}
`;
}
