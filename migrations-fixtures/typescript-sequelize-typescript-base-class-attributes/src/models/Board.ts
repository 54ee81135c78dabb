import { Column, DataType, Table } from "sequelize-typescript";
import ShelvedModel from "./base/ShelvedModel";

@Table({ tableName: "boards" })
class Board extends ShelvedModel {
  @Column(DataType.STRING)
  name: string;
}

export default Board;
