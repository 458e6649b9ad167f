// Channels and events for logs, support bundle, about (issue 6).
// import { z } from 'zod';
// import { channel, event } from '../define';

export const supportChannels = {};

export const supportEvents = {};
