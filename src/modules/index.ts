import type { AppModule } from '../platform/http/module.js';
import { feedbackModule } from './feedback/index.js';
import { publicServicesModule } from './public-services/index.js';
import { iotModule } from './iot/index.js';

/**
 * The domain modules (feedback, public services, IoT, IOC, data sharing, DTI, assistant),
 * each in its own folder. A module is added here and nowhere else.
 */
export const modules: AppModule[] = [feedbackModule, publicServicesModule, iotModule];
