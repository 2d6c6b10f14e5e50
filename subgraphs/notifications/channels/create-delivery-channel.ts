import type { DeliverySettings } from '../config.ts';
import { createCaptureChannel } from './capture-channel.ts';
import type { DeliveryChannel } from './delivery-channel.ts';
import { createSmtpChannel } from './smtp-channel.ts';

/** The channel NOTIFICATIONS_CHANNEL names. */
export const createDeliveryChannel = (settings: DeliverySettings): DeliveryChannel =>
  settings.kind === 'smtp' ? createSmtpChannel(settings) : createCaptureChannel();
