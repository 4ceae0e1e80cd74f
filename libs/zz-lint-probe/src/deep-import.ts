export { KeysService } from '../../keys/src/keys.service';
