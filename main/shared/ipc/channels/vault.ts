// Channels and events for keychain, profiles, progress, import/export (issue 4).
// import { z } from 'zod';
// import { channel, event } from '../define';

export const vaultChannels = {};

export const vaultEvents = {};
