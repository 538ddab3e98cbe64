import { callServer } from '../lib/server';
import { mountAdHocInvoice } from '../adHocInvoice';

void mountAdHocInvoice(document.getElementById('app')!, callServer);
