import { callServer } from '../lib/server';
import { mountProcessBilling } from '../processBilling';

void mountProcessBilling(document.getElementById('app')!, callServer);
