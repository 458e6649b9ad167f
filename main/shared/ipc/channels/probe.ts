// Channels and events for connection test and provider discovery (issue 3).
// import { z } from 'zod';
// import { channel, event } from '../define';

export const probeChannels = {};

export const probeEvents = {};
