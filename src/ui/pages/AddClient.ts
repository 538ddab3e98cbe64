import { callServer } from '../lib/server';
import { mountAddClient } from '../addClient';

mountAddClient(document.getElementById('app')!, callServer);
