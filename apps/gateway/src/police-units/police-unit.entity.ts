import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A police unit (district or city department): the boundary of what its officers see. */
@Entity({ name: 'police_unit' })
export class PoliceUnit {
  @PrimaryColumn('text') code: string;
  @Column('text', { name: 'name_ky' }) nameKy: string;
  @Column('text', { name: 'name_ru' }) nameRu: string;
  @Column('text') oblast: string;
}
