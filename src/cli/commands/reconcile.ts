// Placeholder until the reconcile command lands; replaced by its implementation.
import { UserError, type Command } from '../command.js';

export const command: Command = {
  name: 'reconcile',
  summary: 'reconcile',
  usage: 'usage: sso-gitops reconcile',
  run() {
    return Promise.reject(new UserError('reconcile is not implemented yet'));
  },
};
