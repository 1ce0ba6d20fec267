import { SettingsRepository, type SetAside, type Settings, type SettingsBacking } from './stored-settings';

/** The settings in force: read once, then changed only through `update`, which writes them through at once. */
export class LiveSettings {
  private readonly repo: SettingsRepository;
  private value: Settings;

  /** The stored values the first read set aside, each now at its default: the start-up log names them. */
  readonly setAside: readonly SetAside[];

  constructor(backing: SettingsBacking) {
    this.repo = new SettingsRepository(backing);
    this.value = this.repo.read();
    this.setAside = this.repo.setAside;
  }

  get current(): Settings {
    return this.value;
  }

  update(patch: Partial<Settings>): Settings {
    this.value = this.repo.update(patch);
    return this.value;
  }
}
